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

    /// <summary>Meta's review status; only approved templates are offered and sent.</summary>
    public TemplateStatus Status { get; set; }

    /// <summary>Why Meta rejected, paused or disabled it, in Meta's words.</summary>
    public string? StatusReason { get; set; }

    /// <summary>Meta's id of the template; null for one entered by hand.</summary>
    public string? MetaId { get; set; }

    /// <summary>When it was last read from Meta; null for one entered by hand (editable here).</summary>
    public DateTime? SyncedAt { get; set; }

    /// <summary>A text header, with at most one <c>{{1}}</c> placeholder; null when the template has none.</summary>
    public string? HeaderText { get; set; }

    /// <summary>How many parameters the text header takes (0 or 1).</summary>
    public int HeaderParameterCount { get; set; }

    /// <summary>The positions (from 0) of URL buttons whose address ends in a <c>{{1}}</c> parameter.</summary>
    public List<int> UrlButtonIndexes { get; set; } = [];

    /// <summary>Only approved templates can be sent (docs/platform-rules.md §9).</summary>
    public bool Sendable => Status == TemplateStatus.Approved;
}
