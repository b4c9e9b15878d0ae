using System.Text.Json;
using System.Text.Json.Nodes;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Policy;

namespace Inbox.Core.Channels.WhatsApp;

/// <summary>The WhatsApp Cloud API requests for a reply: a text inside the 24 h window, an approved template at any time.</summary>
public static class WhatsAppPayloads
{
    /// <summary>The request for a message, or null when its reply type does not exist on WhatsApp.</summary>
    public static PlatformRequest? For(OutboundSend send, string graphBaseUrl)
    {
        var url = $"{graphBaseUrl.TrimEnd('/')}/{send.Channel.ExternalId}/messages";
        var message = send.Message;
        return message.ReplyType switch
        {
            ReplyType.FreeForm => new(url, Envelope(send.Recipient, "text", new JsonObject { ["body"] = message.Text })),
            ReplyType.Template when message.TemplateName is { } name && message.TemplateLanguage is { } language =>
                new(url, Envelope(send.Recipient, "template", Template(name, language, message))),
            _ => null,
        };
    }

    /// <summary>
    /// <c>POST /{phone-number-id}/media</c>: multipart/form-data with <c>messaging_product=whatsapp</c>, <c>type</c> (the
    /// content type) and the <c>file</c>; Meta answers <c>{"id"}</c>, the media id the message then names (docs/platform-rules.md §5a).
    /// </summary>
    public static PlatformRequest Upload(OutboundSend send, string graphBaseUrl, Func<JsonObject, Func<HttpContent>> form)
    {
        var fields = new JsonObject { ["messaging_product"] = "whatsapp", ["type"] = send.File!.MimeType };
        return new($"{graphBaseUrl.TrimEnd('/')}/{send.Channel.ExternalId}/media", fields, Upload: form(fields));
    }

    /// <summary>
    /// The media message for an uploaded file: <c>image</c>, <c>video</c>, <c>audio</c> or <c>document</c> with the media
    /// <c>id</c>, the text as <c>caption</c> (not for audio), and a document's <c>filename</c>.
    /// </summary>
    public static PlatformRequest Media(OutboundSend send, string graphBaseUrl, string mediaId)
    {
        var file = send.File!;
        var type = file.Kind is "image" or "video" or "audio" ? file.Kind : "document";
        var media = new JsonObject { ["id"] = mediaId };
        if (send.Text is { } caption && type != "audio")
        {
            media["caption"] = caption;
        }

        if (type == "document" && file.FileName is { } name)
        {
            media["filename"] = name;
        }

        return new($"{graphBaseUrl.TrimEnd('/')}/{send.Channel.ExternalId}/messages", Envelope(send.Recipient, type, media));
    }

    /// <summary>The media id in an accepted upload: <c>id</c>.</summary>
    public static string? MediaId(PlatformReply reply) => JsonBodies.Text(reply.Json()?["id"]);

    /// <summary>The <c>wamid</c> in an accepted answer: <c>messages[0].id</c>.</summary>
    public static string? PlatformId(PlatformReply reply) => JsonBodies.Text(reply.Json()?["messages"]?[0]?["id"]);

    /// <summary>
    /// Addressed with <c>to</c> when the phone number is known, else with <c>recipient</c> set to the BSUID: a customer
    /// whose username hides their number can still be answered (docs/platform-rules.md §5).
    /// </summary>
    private static JsonObject Envelope(string to, string type, JsonObject content) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        [InboundIdentity.IsUserId(to) ? "recipient" : "to"] = to,
        ["type"] = type,
        [type] = content,
    };

    /// <summary>The template with its header, body and URL button parameters as Meta's <c>components</c> (docs/platform-rules.md §9).</summary>
    private static JsonObject Template(string name, string language, Conversations.Message message)
    {
        var template = new JsonObject { ["name"] = name, ["language"] = new JsonObject { ["code"] = language } };
        var components = new JsonArray();
        if (Texts(Strings(message.TemplateHeaderParameters)) is { Count: > 0 } header)
        {
            components.Add(new JsonObject { ["type"] = "header", ["parameters"] = header });
        }

        if (Texts(Strings(message.TemplateParameters)) is { Count: > 0 } body)
        {
            components.Add(new JsonObject { ["type"] = "body", ["parameters"] = body });
        }

        var buttons = string.IsNullOrEmpty(message.TemplateButtonParameters) ? [] : JsonSerializer.Deserialize<Dictionary<int, string>>(message.TemplateButtonParameters) ?? [];
        foreach (var (index, value) in buttons.OrderBy(b => b.Key))
        {
            components.Add(new JsonObject
            {
                ["type"] = "button",
                ["sub_type"] = "url",
                ["index"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["parameters"] = Texts([value]),
            });
        }

        if (components.Count > 0)
        {
            template["components"] = components;
        }

        return template;
    }

    private static string[] Strings(string? json) => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static JsonArray Texts(IEnumerable<string> values) =>
        new([.. values.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p })]);
}
