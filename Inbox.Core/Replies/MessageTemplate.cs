namespace Inbox.Core.Replies;

/// <summary>
/// A WhatsApp template approved at Meta and registered here, so agents can pick it and fill in its parameters
/// outside the 24 h window. The body is a copy of Meta's text with <c>{{1}}</c>, <c>{{2}}</c>… placeholders.
/// </summary>
public class MessageTemplate
{
    public int Id { get; set; }

    /// <summary>The WhatsApp channel the template is approved for; null for every WhatsApp channel.</summary>
    public int? ChannelId { get; set; }

    /// <summary>The template's name at Meta, e.g. <c>order_update</c>.</summary>
    public required string Name { get; set; }

    /// <summary>The language code it was approved in, e.g. <c>en_US</c>.</summary>
    public required string Language { get; set; }

    public TemplateCategory Category { get; set; }

    /// <summary>How many body parameters it takes; always the number of placeholders in <see cref="Body"/>.</summary>
    public int ParameterCount { get; set; }

    public required string Body { get; set; }
}
