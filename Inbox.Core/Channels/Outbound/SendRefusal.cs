using Inbox.Core.Conversations;

namespace Inbox.Core.Channels.Outbound;

/// <summary>The reply policy, asked again at send time, no longer allows a queued message: why, and the reason it gave.</summary>
public sealed record SendRefusal(SendFailure Failure, string Reason);
