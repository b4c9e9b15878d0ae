using Inbox.Core.Policy;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary>Body of <c>POST /api/conversations/{id}/messages</c>.</summary>
/// <param name="Text">The reply text (not needed for templates).</param>
/// <param name="ReplyType">How to send it; the suggested type when omitted.</param>
/// <param name="Template">WhatsApp template replies.</param>
/// <param name="Sender">"human" (default) or "automation": automated messages may never use the HUMAN_AGENT tag.</param>
public sealed record SendMessageRequest(string? Text, ReplyType? ReplyType, TemplateDto? Template, SenderKind? Sender);
