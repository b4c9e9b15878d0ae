namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Messenger/Instagram echo of a message the Page sent: ours (matched by <paramref name="Metadata"/> or id), or one
/// sent from another tool, which is recorded. Echoes never move a window.
/// </summary>
/// <param name="RecipientId">The customer the Page wrote to.</param>
/// <param name="Metadata">The <c>message.metadata</c> we attach to our own sends (<c>inbox:{messageId}</c>).</param>
/// <param name="ByMetaAgent">WhatsApp <c>standby</c> echo: Meta's Business AI agent wrote it.</param>
/// <param name="Identity">WhatsApp: who the message went to.</param>
public sealed record InboundEcho(string Mid, string RecipientId, DateTime At, string Text, string? Metadata, bool ByMetaAgent = false, InboundIdentity? Identity = null) : InboundItem(Mid);
