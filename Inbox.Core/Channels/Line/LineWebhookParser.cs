using System.Text.Json;
using Inbox.Core.Channels.Inbound;

namespace Inbox.Core.Channels.Line;

/// <summary>Reads a LINE webhook body (<c>{"destination","events":[…]}</c>) into inbound items.</summary>
public static class LineWebhookParser
{
    public static IReadOnlyList<InboundItem> Parse(ReadOnlyMemory<byte> body, DateTime receivedAt)
    {
        using var document = JsonPaths.ParseDocument(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.Get("events") is not { ValueKind: JsonValueKind.Array })
        {
            throw new WebhookFormatException("A LINE webhook body is an object with an \"events\" array.");
        }

        return root.Array("events").Select(e => Read(e, receivedAt)).ToList();
    }

    private static InboundItem Read(JsonElement e, DateTime receivedAt)
    {
        var type = e.Str("type");
        if (type != "message")
        {
            return new InboundIgnored(IgnoredEvent.NotAMessage, $"LINE {type} event");
        }

        if (e.Str("source", "type") is "group" or "room")
        {
            return new InboundIgnored(IgnoredEvent.GroupChat, $"LINE message in a {e.Str("source", "type")}");
        }

        if (e.Str("source", "userId") is not { } userId)
        {
            return new InboundUnattributed($"LINE message from a {e.Str("source", "type") ?? "source"} without a userId");
        }

        if (e.Str("webhookEventId") is not { } eventId || e.Str("message", "id") is not { } messageId)
        {
            return new InboundUnattributed("LINE message without webhookEventId or message id");
        }

        var at = JsonPaths.FromUnixMilliseconds(e.Long("timestamp")) ?? receivedAt;
        var message = e.Get("message")!.Value;
        var kind = message.Str("type") ?? "unknown";
        var text = kind switch
        {
            "text" => message.Str("text") ?? "",
            "location" => $"[location] {message.Str("title") ?? message.Str("address")}".TrimEnd(),
            "file" => $"[file] {message.Str("fileName")}".TrimEnd(),
            _ => $"[{kind}]",
        };
        var attachmentType = kind == "text" ? null : kind;
        var url = message.Str("contentProvider", "originalContentUrl");
        var standby = e.Str("mode") == "standby";
        return new InboundMessage(eventId, messageId, userId, null, at, text, attachmentType, url, ReplyToken: standby ? null : e.Str("replyToken"), Standby: standby, Attachments: Files(message, messageId), MarkAsReadToken: message.Str("markAsReadToken"));
    }

    /// <summary>
    /// Images, videos, audio and files are fetched from LINE's content API by message id; content LINE only links to
    /// (<c>contentProvider.type=external</c>) from its URL. A sticker has no content: its picture comes from LINE's
    /// sticker shop by sticker id. Any other type is recorded as unsupported with the message object as its reference.
    /// </summary>
    private static IReadOnlyList<InboundAttachment> Files(JsonElement message, string messageId)
    {
        var kind = message.Str("type");
        if (kind == "sticker")
        {
            return message.Str("stickerId") is { } stickerId ? [new InboundAttachment(kind, stickerId)] : [];
        }

        if (kind is "text" or "location")
        {
            return [];
        }

        // A type Inbox does not know is kept with LINE's own description of it, never dropped.
        if (kind is not ("image" or "video" or "audio" or "file"))
        {
            return [InboundAttachment.UnsupportedType(kind ?? "unknown", message.GetRawText())];
        }

        var source = message.Str("contentProvider", "type") == "external" ? message.Str("contentProvider", "originalContentUrl") ?? messageId : messageId;
        return [new InboundAttachment(kind, source, message.Str("fileName"))];
    }
}
