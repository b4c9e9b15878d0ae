using Inbox.Core.Policy;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary>The multipart/form-data fields of <c>POST /api/conversations/{id}/attachments</c>.</summary>
/// <param name="File">The photo or file.</param>
/// <param name="Text">The caption, sent with it (optional).</param>
/// <param name="ReplyType">How to send it: <c>free_form</c> or <c>human_agent_tag</c>; the suggested type when omitted.</param>
/// <param name="Sender"><c>human</c> (default) or <c>automation</c>.</param>
public sealed record AttachmentForm(IFormFile File, string? Text, ReplyType? ReplyType, SenderKind? Sender);
