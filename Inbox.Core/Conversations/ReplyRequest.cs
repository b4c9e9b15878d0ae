using Inbox.Core.Policy;

namespace Inbox.Core.Conversations;

/// <summary>A reply an agent or client wants to send. Without a reply type, the policy's suggestion is used.</summary>
/// <param name="File">A stored photo or file to send with the text (which is then optional).</param>
public sealed record ReplyRequest(string? Text, ReplyType? ReplyType = null, TemplateReply? Template = null, Media.OutgoingFile? File = null);
