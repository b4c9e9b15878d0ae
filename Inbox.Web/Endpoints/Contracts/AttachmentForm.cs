using Inbox.Core.Policy;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary>The multipart/form-data fields of <c>POST /api/conversations/{id}/attachments</c>.</summary>
public sealed class AttachmentForm
{
    /// <summary>The photo or file.</summary>
    public required IFormFile File { get; init; }

    /// <summary>The text sent with it (optional).</summary>
    public string? Text { get; init; }

    /// <summary>How to send it: <c>free_form</c> or <c>human_agent_tag</c>; the suggested type when omitted.</summary>
    public ReplyType? ReplyType { get; init; }

    /// <summary><c>human</c> (default) or <c>automation</c>.</summary>
    public SenderKind? Sender { get; init; }
}
