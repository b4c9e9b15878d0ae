namespace Inbox.Core.Conversations;

/// <summary>A WhatsApp template to send: its approved name, language code and body parameters.</summary>
public sealed record TemplateReply(string Name, string Language, IReadOnlyList<string> Parameters);
