using System.Text.Json.Nodes;
using Inbox.Core.Channels.Outbound;

namespace Inbox.Core.Channels.Line;

/// <summary>The LINE Messaging API requests for a text reply: the free reply API while a reply token is fresh, otherwise a push.</summary>
public static class LinePayloads
{
    /// <summary><c>POST /v2/bot/message/reply</c> with a single-use reply token.</summary>
    public static PlatformRequest Reply(string apiBaseUrl, string replyToken, string text) =>
        new($"{apiBaseUrl.TrimEnd('/')}/v2/bot/message/reply", new JsonObject { ["replyToken"] = replyToken, ["messages"] = Texts(text) });

    /// <summary><c>POST /v2/bot/message/push</c>, counted against the monthly quota; the retry key makes a repeat harmless.</summary>
    public static PlatformRequest Push(string apiBaseUrl, string userId, string text, string retryKey) =>
        new($"{apiBaseUrl.TrimEnd('/')}/v2/bot/message/push", new JsonObject { ["to"] = userId, ["messages"] = Texts(text) }, retryKey);

    /// <summary>The message id in an accepted answer: <c>sentMessages[0].id</c>.</summary>
    public static string? PlatformId(PlatformReply reply) => JsonBodies.Text(reply.Json()?["sentMessages"]?[0]?["id"]);

    /// <summary>LINE refused the reply token (expired or already used): the message can still go as a push.</summary>
    public static bool IsInvalidReplyToken(PlatformReply reply) =>
        reply.Status == 400 && JsonBodies.Text(reply.Json()?["message"]) is { } said && said.Contains("reply token", StringComparison.OrdinalIgnoreCase);

    private static JsonArray Texts(string text) => new(new JsonObject { ["type"] = "text", ["text"] = text });
}
