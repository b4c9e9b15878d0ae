namespace Inbox.Core.Replies;

/// <summary>The admin's template form. The parameter count is not entered: it is read from the body's placeholders.</summary>
public sealed class TemplateDraft
{
    public int? ChannelId { get; set; }

    public string Name { get; set; } = "";

    public string Language { get; set; } = "en_US";

    public TemplateCategory Category { get; set; } = TemplateCategory.Utility;

    public string Body { get; set; } = "";

    public static TemplateDraft Of(MessageTemplate template) => new()
    {
        ChannelId = template.ChannelId,
        Name = template.Name,
        Language = template.Language,
        Category = template.Category,
        Body = template.Body,
    };
}
