using System.Text.Json.Nodes;
using Inbox.Core.Channels.Outbound;

namespace Inbox.Core.Replies;

/// <summary>
/// Reads Graph's <c>GET /{waba-id}/message_templates</c> page: <c>data[]</c> with name, language, category, status,
/// rejected_reason and components (HEADER, BODY, FOOTER, BUTTONS), and <c>paging.next</c> (docs/platform-rules.md §9).
/// </summary>
public static class MetaTemplateReader
{
    /// <summary>The templates on one page and the address of the next page, if any.</summary>
    public static (IReadOnlyList<MetaTemplate> Templates, string? Next) ReadPage(JsonNode? page)
    {
        var templates = new List<MetaTemplate>();
        foreach (var item in page?["data"]?.AsArray() ?? [])
        {
            if (Read(item) is { } template)
            {
                templates.Add(template);
            }
        }

        return (templates, JsonBodies.Text(page?["paging"]?["next"]));
    }

    private static MetaTemplate? Read(JsonNode? item)
    {
        if (JsonBodies.Text(item?["name"]) is not { } name || JsonBodies.Text(item?["language"]) is not { } language)
        {
            return null;
        }

        string? body = null;
        string? header = null;
        var urlButtons = new List<int>();
        foreach (var component in item?["components"]?.AsArray() ?? [])
        {
            switch (JsonBodies.Text(component?["type"])?.ToUpperInvariant())
            {
                case "BODY":
                    body = JsonBodies.Text(component?["text"]);
                    break;
                case "HEADER" when JsonBodies.Text(component?["format"])?.ToUpperInvariant() == "TEXT":
                    header = JsonBodies.Text(component?["text"]);
                    break;
                case "BUTTONS":
                    var buttons = component?["buttons"]?.AsArray() ?? [];
                    for (var i = 0; i < buttons.Count; i++)
                    {
                        if (JsonBodies.Text(buttons[i]?["type"])?.ToUpperInvariant() == "URL" && JsonBodies.Text(buttons[i]?["url"])?.Contains("{{1}}", StringComparison.Ordinal) == true)
                        {
                            urlButtons.Add(i);
                        }
                    }

                    break;
            }
        }

        return new MetaTemplate(
            JsonBodies.Text(item?["id"]) ?? "",
            name,
            language,
            Category(JsonBodies.Text(item?["category"])),
            TemplateStatuses.Parse(JsonBodies.Text(item?["status"])),
            TemplateStatuses.Reason(JsonBodies.Text(item?["rejected_reason"])),
            body ?? "",
            header,
            urlButtons);
    }

    private static TemplateCategory Category(string? category) => category?.ToUpperInvariant() switch
    {
        "MARKETING" => TemplateCategory.Marketing,
        "AUTHENTICATION" => TemplateCategory.Authentication,
        _ => TemplateCategory.Utility,
    };
}
