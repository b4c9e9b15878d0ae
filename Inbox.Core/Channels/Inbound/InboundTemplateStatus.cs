using Inbox.Core.Replies;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Meta changed a WhatsApp template's review status (<c>message_template_status_update</c>): approved, paused,
/// rejected, disabled… Applied to that template on every channel of the business account; idempotent, so it carries
/// no event id.
/// </summary>
/// <param name="BusinessAccountId">The WhatsApp Business Account the template belongs to (the entry's <c>id</c>).</param>
public sealed record InboundTemplateStatus(string BusinessAccountId, string Name, string Language, TemplateStatus Status, string? Reason) : InboundItem((string?)null);
