namespace Inbox.Core.Replies;

/// <summary>One template as Graph's <c>message_templates</c> lists it, in the inbox's terms.</summary>
/// <param name="Body">The BODY component's text; empty when the template has none the inbox can show.</param>
public sealed record MetaTemplate(
    string MetaId,
    string Name,
    string Language,
    TemplateCategory Category,
    TemplateStatus Status,
    string? StatusReason,
    string Body,
    string? HeaderText,
    IReadOnlyList<int> UrlButtonIndexes);
