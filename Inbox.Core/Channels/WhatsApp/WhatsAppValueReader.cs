using System.Text.Json;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Conversations;

namespace Inbox.Core.Channels.WhatsApp;

/// <summary>Reads a WhatsApp Cloud API <c>changes[].value</c> (field <c>messages</c>): customer messages and the statuses of ours.</summary>
internal static class WhatsAppValueReader
{
    public static IReadOnlyList<InboundItem> Read(JsonElement value)
    {
        var names = value.Array("contacts")
            .Where(c => c.Str("wa_id") is not null)
            .GroupBy(c => c.Str("wa_id")!)
            .ToDictionary(g => g.Key, g => g.First().Str("profile", "name"));
        var items = new List<InboundItem>();
        foreach (var message in value.Array("messages"))
        {
            items.Add(ReadMessage(message, names));
        }

        foreach (var status in value.Array("statuses"))
        {
            items.Add(ReadStatus(status));
        }

        return items;
    }

    private static InboundItem ReadMessage(JsonElement message, Dictionary<string, string?> names)
    {
        if (message.Str("id") is not { } wamid || message.Str("from") is not { } from)
        {
            return new InboundIgnored("WhatsApp message without id or from");
        }

        var at = JsonPaths.FromUnixSeconds(message.Long("timestamp")) ?? DateTime.UnixEpoch;
        var type = message.Str("type") ?? "unknown";
        string? text = type switch
        {
            "text" => message.Str("text", "body"),
            "button" => message.Str("button", "text"),
            "interactive" => message.Str("interactive", "button_reply", "title") ?? message.Str("interactive", "list_reply", "title"),
            "location" => $"[location] {message.Str("location", "name")} {message.Str("location", "latitude")},{message.Str("location", "longitude")}".Replace("  ", " "),
            "image" or "video" or "audio" or "document" or "sticker" => Attachment(type, message),
            "reaction" => null,
            _ => $"[{type}]",
        };
        if (text is null)
        {
            return new InboundIgnored($"WhatsApp {type} {wamid}");
        }

        var attachmentType = type is "image" or "video" or "audio" or "document" or "sticker" or "location" ? type : null;

        // Cloud API media carry an id, not a URL: fetching one needs the token (GET /{media-id}); we keep the id.
        var mediaId = attachmentType is null ? null : message.Str(type, "id");
        return new InboundMessage(wamid, wamid, from, names.GetValueOrDefault(from), at, text, attachmentType, mediaId is null ? null : $"whatsapp-media:{mediaId}");
    }

    private static string Attachment(string type, JsonElement message)
    {
        var caption = message.Str(type, "caption") ?? message.Str(type, "filename");
        return caption is null ? $"[{type}]" : $"[{type}] {caption}";
    }

    private static InboundItem ReadStatus(JsonElement status)
    {
        if (status.Str("id") is not { } wamid)
        {
            return new InboundIgnored("WhatsApp status without id");
        }

        DeliveryStatus? state = status.Str("status") switch
        {
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "read" => DeliveryStatus.Read,
            "failed" => DeliveryStatus.Failed,
            _ => null,
        };
        if (state is null)
        {
            return new InboundIgnored($"WhatsApp status \"{status.Str("status")}\" for {wamid}");
        }

        var error = status.Array("errors").FirstOrDefault();
        var errorMessage = error.ValueKind == JsonValueKind.Object
            ? error.Str("error_data", "details") ?? error.Str("message") ?? error.Str("title")
            : null;
        return new InboundStatusUpdate([wamid], state.Value, status.Str("recipient_id"), ErrorCode: error.ValueKind == JsonValueKind.Object ? error.Str("code") : null, ErrorMessage: errorMessage);
    }
}
