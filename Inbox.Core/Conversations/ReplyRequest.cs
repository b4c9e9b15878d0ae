using Inbox.Core.Policy;

namespace Inbox.Core.Conversations;

/// <summary>A reply an agent or client wants to send. Without a reply type, the policy's suggestion is used.</summary>
public sealed record ReplyRequest(string? Text, ReplyType? ReplyType = null, TemplateReply? Template = null);
