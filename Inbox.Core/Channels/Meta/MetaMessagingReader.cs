using System.Text.Json;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Conversations;

namespace Inbox.Core.Channels.Meta;

/// <summary>Reads one Messenger/Instagram <c>messaging[]</c> event: message, echo, postback, delivery or read.</summary>
internal static class MetaMessagingReader
{
    /// <summary>Messenger/Instagram events that are not the customer writing (<see cref="IgnoredEvent.NotAMessage"/>).</summary>
    private static readonly HashSet<string> NotMessages =
    [
        "optin", "referral", "account_linking", "policy_enforcement", "pass_thread_control", "take_thread_control",
        "request_thread_control", "app_roles", "messaging_feedback", "game_play", "message_edit",
    ];

    public static InboundItem Read(JsonElement messaging, DateTime receivedAt, bool standby)
    {
        var senderId = messaging.Str("sender", "id");
        var at = JsonPaths.FromUnixMilliseconds(messaging.Long("timestamp")) ?? receivedAt;
        if (messaging.Get("message") is { } message)
        {
            return ReadMessage(messaging, message, senderId, at, standby);
        }

        if (messaging.Get("postback") is { } postback && senderId is not null)
        {
            // A button tap is the customer writing: it opens the window like a message.
            var title = postback.Str("title") ?? postback.Str("payload") ?? "(button)";
            var id = postback.Str("mid") ?? $"postback:{senderId}:{messaging.Long("timestamp")}";
            return new InboundMessage(id, id, senderId, null, at, title, Standby: standby);
        }

        if (messaging.Get("delivery") is { } delivery)
        {
            var mids = delivery.Array("mids").Select(m => m.GetString()).OfType<string>().ToList();
            return new InboundStatusUpdate(mids, DeliveryStatus.Delivered, senderId, JsonPaths.FromUnixMilliseconds(delivery.Long("watermark")));
        }

        if (messaging.Get("read") is { } read)
        {
            // Messenger reads carry a watermark; Instagram reads name the message.
            var mids = read.Str("mid") is { } mid ? new[] { mid } : [];
            return new InboundStatusUpdate(mids, DeliveryStatus.Read, senderId, JsonPaths.FromUnixMilliseconds(read.Long("watermark")));
        }

        var names = messaging.ValueKind == JsonValueKind.Object
            ? string.Join(", ", messaging.EnumerateObject().Select(p => p.Name).Where(n => n is not ("sender" or "recipient" or "timestamp")))
            : messaging.ValueKind.ToString();
        return messaging.Get("reaction") is not null ? new InboundIgnored(IgnoredEvent.Reaction, "messaging reaction")
            : messaging.ValueKind == JsonValueKind.Object && messaging.EnumerateObject().Any(p => NotMessages.Contains(p.Name))
                ? new InboundIgnored(IgnoredEvent.NotAMessage, $"messaging event ({names})")
                : new InboundUnattributed($"messaging event of an unknown kind ({names})");
    }

    private static InboundItem ReadMessage(JsonElement messaging, JsonElement message, string? senderId, DateTime at, bool standby)
    {
        if (message.Str("mid") is not { } mid || senderId is null)
        {
            return new InboundUnattributed("message without mid or sender");
        }

        if (message.Bool("is_deleted"))
        {
            return new InboundIgnored(IgnoredEvent.Deleted, $"message {mid} deleted by its sender");
        }

        var attachments = Received(message);
        var (text, attachmentType, attachmentUrl) = Content(message, attachments);
        var files = Attachments(message, attachments);
        if (message.Bool("is_echo"))
        {
            return new InboundEcho(mid, messaging.Str("recipient", "id") ?? "", at, text, message.Str("metadata"));
        }

        var fromAd = messaging.Str("referral", "source") == "ADS" || message.Str("referral", "source") == "ADS";
        return new InboundMessage(mid, mid, senderId, null, at, text, attachmentType, attachmentUrl, fromAd, Standby: standby, Attachments: files);
    }

    /// <summary>Downloaded files: the customer's own photos, videos, voice notes, files and stickers.</summary>
    private static readonly HashSet<string> FileTypes = ["image", "video", "audio", "file", "sticker"];

    /// <summary>Shared posts, kept as a link card.</summary>
    private static readonly HashSet<string> PostTypes = ["ig_post", "post"];

    /// <summary>Known types that point at public content or carry no file: they stay their placeholder, with the first one's link.</summary>
    private static readonly HashSet<string> PlaceholderTypes = ["share", "reel", "ig_reel", "story_mention", "fallback", "location", "template"];

    /// <summary>
    /// The message's attachments without the copies Meta adds during its transitions (docs/platform-rules.md §4a): a sticker's
    /// parallel <c>image</c> (until 2026-08-30) and an Instagram post's old <c>share</c> beside its <c>ig_post</c>.
    /// </summary>
    private static List<JsonElement> Received(JsonElement message)
    {
        var all = message.Array("attachments").ToList();
        var hasSticker = all.Any(a => a.Str("type") == "sticker");
        var hasPost = all.Any(a => a.Str("type") == "ig_post");
        return all.Where(a => !(hasSticker && a.Str("type") == "image" && a.Get("payload", "sticker_id") is not null)
            && !(hasPost && a.Str("type") == "share")).ToList();
    }

    /// <summary>The text, or typed placeholders for attachments (<c>[image]</c>) with the first one's URL.</summary>
    private static (string Text, string? Type, string? Url) Content(JsonElement message, List<JsonElement> attachments)
    {
        var text = message.Str("text");
        if (attachments.Count == 0)
        {
            return (text ?? (message.Bool("is_unsupported") ? "[unsupported message]" : ""), null, null);
        }

        var types = attachments.Select(a => a.Str("type") ?? "file").ToList();
        var placeholder = string.Join(" ", types.Select(t => $"[{t}]"));
        var url = attachments[0].Str("payload", "url");
        return (text is null ? placeholder : $"{text} {placeholder}", types[0], url);
    }

    /// <summary>
    /// What is recorded beside the text: files to download (a sticker or file without a link is recorded as not
    /// available), shared posts as links, and any type Inbox does not know with its raw reference. Shares, reels, story
    /// mentions and fallbacks stay as their placeholder (they point at public posts, not at the customer's files).
    /// </summary>
    private static IReadOnlyList<InboundAttachment> Attachments(JsonElement message, List<JsonElement> attachments)
    {
        var recorded = new List<InboundAttachment>();
        foreach (var attachment in attachments)
        {
            var type = attachment.Str("type") ?? "unknown";
            var url = attachment.Str("payload", "url");
            if (FileTypes.Contains(type))
            {
                recorded.Add(new InboundAttachment(type, url ?? ""));
            }
            else if (PostTypes.Contains(type))
            {
                recorded.Add(InboundAttachment.SharedPost(type, url, attachment.Str("payload", "title")));
            }
            else if (!PlaceholderTypes.Contains(type))
            {
                recorded.Add(InboundAttachment.UnsupportedType(type, url ?? attachment.Get("payload")?.GetRawText()));
            }
        }

        if (attachments.Count == 0 && message.Bool("is_unsupported"))
        {
            recorded.Add(InboundAttachment.UnsupportedType("unsupported", null));
        }

        return recorded;
    }
}
