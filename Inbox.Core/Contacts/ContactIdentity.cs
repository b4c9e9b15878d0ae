using Inbox.Core.Channels;

namespace Inbox.Core.Contacts;

/// <summary>One of a customer's identities: who they are on one channel.</summary>
public sealed record ContactIdentity(int ContactId, string Name, string ExternalId, string ChannelName, ChannelKind ChannelKind);
