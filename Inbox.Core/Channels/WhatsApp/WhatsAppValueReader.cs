using System.Text.Json;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Conversations;

namespace Inbox.Core.Channels.WhatsApp;

/// <summary>
/// Reads a WhatsApp Cloud API <c>changes[].value</c> (field <c>messages</c>): customer messages, filed under the BSUID
/// when the webhook has one and the phone number otherwise, identity changes, and the statuses of ours.
/// </summary>
internal static class WhatsAppValueReader
{
    /// <param name="standby">The <c>standby</c> field: Meta's AI agent holds the conversation; nothing is answered.</param>
    public static IReadOnlyList<InboundItem> Read(JsonElement value, bool standby = false)
    {
        var contacts = WhatsAppIdentityReader.Contacts(value);
        var items = new List<InboundItem>();
        if (value.Array("messages").Any() is false && value.Array("statuses").Any() is false && (!standby || value.Array("message_echoes").Any() is false))
        {
            var error = value.Array("errors").FirstOrDefault();
            var said = error.ValueKind == JsonValueKind.Object ? $": {error.Str("code")} {error.Str("title") ?? error.Str("message")}" : "";
            items.Add(new InboundUnattributed($"WhatsApp messages change with neither messages nor statuses{said}"));
        }

        foreach (var message in value.Array("messages"))
        {
            var item = ReadMessage(message, contacts);
            items.Add(standby && item is InboundMessage customer ? customer with { Standby = true } : item);
        }

        if (standby)
        {
            items.AddRange(WhatsAppStandbyReader.Echoes(value));
        }

        foreach (var status in value.Array("statuses"))
        {
            items.Add(ReadStatus(status));
        }

        return items;
    }

    private static InboundItem ReadMessage(JsonElement message, IReadOnlyList<(InboundIdentity Identity, string? Name)> contacts)
    {
        if (message.Str("id") is not { } wamid)
        {
            return new InboundUnattributed("WhatsApp message without id");
        }

        if (message.Str("type") == "system")
        {
            return WhatsAppIdentityReader.SystemMessage(message, wamid);
        }

        // A customer with a username may withhold the number: then only from_user_id (the BSUID) names them.
        var (sender, name) = WhatsAppIdentityReader.Sender(message, contacts);
        if (sender.Key is not { } key)
        {
            return new InboundUnattributed($"WhatsApp message {wamid} without from or from_user_id");
        }

        var at = JsonPaths.FromUnixSeconds(message.Long("timestamp")) ?? DateTime.UnixEpoch;
        var type = message.Str("type") ?? "unknown";
        string? text = type switch
        {
            "text" => message.Str("text", "body"),
            "button" => message.Str("button", "text"),
            "interactive" => message.Str("interactive", "button_reply", "title") ?? message.Str("interactive", "list_reply", "title") ?? "[interactive]",
            "location" => $"[location] {message.Str("location", "name")} {message.Str("location", "latitude")},{message.Str("location", "longitude")}".Replace("  ", " "),
            "image" or "video" or "audio" or "document" or "sticker" => Attachment(type, message),
            "reaction" => null,
            _ => $"[{type}]",
        };
        if (text is null)
        {
            return new InboundIgnored(IgnoredEvent.Reaction, $"WhatsApp {type} {wamid}");
        }

        var attachmentType = type is "image" or "video" or "audio" or "document" or "sticker" or "location" ? type : null;

        // Cloud API media carry an id, not a URL: fetching one needs the token (GET /{media-id}); we keep the id.
        var mediaId = attachmentType is null ? null : message.Str(type, "id");
        IReadOnlyList<InboundAttachment> files = mediaId is not null && type != "location"
            ? [new InboundAttachment(type == "document" ? "file" : type, mediaId, message.Str(type, "filename"), message.Str(type, "mime_type"))]
            : attachmentType is null && text == $"[{type}]" ? [Unsupported(type, message)] : [];
        return new InboundMessage(wamid, wamid, key, name, at, text, attachmentType, mediaId is null ? null : $"whatsapp-media:{mediaId}", Identity: sender, Attachments: files);
    }

    /// <summary>
    /// A type Inbox does not show (contacts, orders, <c>unsupported</c>…) is recorded with the raw reference, never dropped:
    /// <c>unsupported</c> names the customer's type in <c>unsupported.type</c> and why in <c>errors</c>.
    /// </summary>
    private static InboundAttachment Unsupported(string type, JsonElement message) => type == "unsupported"
        ? InboundAttachment.UnsupportedType(message.Str("unsupported", "type") ?? type, message.Get("errors")?.GetRawText() ?? message.Get("unsupported")?.GetRawText())
        : InboundAttachment.UnsupportedType(type, message.Get(type)?.GetRawText());

    private static string Attachment(string type, JsonElement message)
    {
        var caption = message.Str(type, "caption") ?? message.Str(type, "filename");
        return caption is null ? $"[{type}]" : $"[{type}] {caption}";
    }

    private static MessagePricing? Pricing(JsonElement status)
    {
        if (status.Get("pricing") is not { ValueKind: JsonValueKind.Object } pricing)
        {
            return null;
        }

        bool? billable = pricing.Get("billable") is { ValueKind: JsonValueKind.True or JsonValueKind.False } flag ? flag.GetBoolean() : null;
        return new MessagePricing(pricing.Str("category"), pricing.Str("type"), billable);
    }

    private static InboundItem ReadStatus(JsonElement status)
    {
        if (status.Str("id") is not { } wamid)
        {
            return new InboundUnattributed("WhatsApp status without id");
        }

        var raw = status.Str("status");
        DeliveryStatus? state = raw switch
        {
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "read" => DeliveryStatus.Read,
            "failed" => DeliveryStatus.Failed,
            _ => null,
        };
        var error = status.Array("errors").FirstOrDefault();
        var errorMessage = error.ValueKind == JsonValueKind.Object
            ? error.Str("error_data", "details") ?? error.Str("message") ?? error.Str("title")
            : null;
        // Failed statuses carry no contacts; a customer known only by BSUID is named by recipient_user_id.
        // Values beyond sent/delivered/read/failed exist (e.g. for a voice message played): kept raw, they move nothing.
        return new InboundStatusUpdate([wamid], state, status.Str("recipient_user_id") ?? status.Str("recipient_id"), ErrorCode: error.ValueKind == JsonValueKind.Object ? error.Str("code") : null, ErrorMessage: errorMessage)
        {
            RawStatus = raw,
            Pricing = Pricing(status),
        };
    }
}
