using System.Text.Json.Nodes;
using Inbox.Core.Channels.Outbound;

namespace Inbox.Core.Channels.Line;

/// <summary>The LINE Messaging API requests for a reply: the free reply API while a reply token is fresh, otherwise a push.</summary>
public static class LinePayloads
{
    /// <summary><c>POST /v2/bot/message/reply</c> with a single-use reply token.</summary>
    public static PlatformRequest Reply(string apiBaseUrl, string replyToken, JsonArray messages) =>
        new($"{apiBaseUrl.TrimEnd('/')}/v2/bot/message/reply", new JsonObject { ["replyToken"] = replyToken, ["messages"] = messages });

    /// <summary><c>POST /v2/bot/message/push</c>, counted against the monthly quota; the retry key makes a repeat harmless.</summary>
    public static PlatformRequest Push(string apiBaseUrl, string userId, JsonArray messages, string retryKey) =>
        new($"{apiBaseUrl.TrimEnd('/')}/v2/bot/message/push", new JsonObject { ["to"] = userId, ["messages"] = messages }, retryKey);

    /// <summary>
    /// The message objects for a reply: its text, or its picture (<c>type:"image"</c> with <c>originalContentUrl</c> and
    /// <c>previewImageUrl</c>, which LINE fetches from a public HTTPS link, docs/platform-rules.md §5a) followed by its text.
    /// One request carries both, so they arrive together or not at all.
    /// </summary>
    public static JsonArray Messages(string? text, string? imageUrl)
    {
        var messages = new JsonArray();
        if (imageUrl is not null)
        {
            messages.Add(new JsonObject { ["type"] = "image", ["originalContentUrl"] = imageUrl, ["previewImageUrl"] = imageUrl });
        }

        if (text is not null)
        {
            messages.Add(new JsonObject { ["type"] = "text", ["text"] = text });
        }

        return messages;
    }

    /// <summary>The message id in an accepted answer: <c>sentMessages[0].id</c>.</summary>
    public static string? PlatformId(PlatformReply reply) => JsonBodies.Text(reply.Json()?["sentMessages"]?[0]?["id"]);

    /// <summary>LINE refused the reply token (expired or already used): the message can still go as a push.</summary>
    public static bool IsInvalidReplyToken(PlatformReply reply) =>
        reply.Status == 400 && JsonBodies.Text(reply.Json()?["message"]) is { } said && said.Contains("reply token", StringComparison.OrdinalIgnoreCase);
}
