using System.Text.Json;
using Inbox.Core.Channels.Inbound;

namespace Inbox.Core.Channels.Meta;

/// <summary>Reads <c>entry[].changes[]</c>: Facebook feed comments and Instagram comments start comment conversations.</summary>
internal static class MetaCommentReader
{
    public static InboundItem Read(ChannelKind kind, string accountId, JsonElement change, DateTime entryTime)
    {
        var field = change.Str("field");
        if (change.Get("value") is not { } value)
        {
            return new InboundUnattributed($"change \"{field}\" without a value");
        }

        return (kind, field) switch
        {
            (ChannelKind.Messenger, "feed") => FacebookComment(accountId, value, entryTime),
            (ChannelKind.Instagram, "comments") => InstagramComment(accountId, value, entryTime),
            _ => new InboundIgnored(IgnoredEvent.OtherField, $"{kind} change \"{field}\""),
        };
    }

    private static InboundItem FacebookComment(string pageId, JsonElement value, DateTime entryTime)
    {
        var item = value.Str("item");
        var verb = value.Str("verb");
        if (item != "comment" || verb is not (null or "add"))
        {
            return new InboundIgnored(IgnoredEvent.OwnOrFeedActivity, $"feed {item} {verb}");
        }

        if (value.Str("comment_id") is not { } commentId || value.Str("from", "id") is not { } fromId)
        {
            return new InboundUnattributed("feed comment without comment_id or from");
        }

        if (fromId == pageId)
        {
            return new InboundIgnored(IgnoredEvent.OwnOrFeedActivity, $"the Page's own comment {commentId}");
        }

        var at = JsonPaths.FromUnixSeconds(value.Long("created_time")) ?? entryTime;
        return new InboundComment(commentId, value.Str("post_id"), fromId, value.Str("from", "name") ?? $"Facebook user {Tail(fromId)}", at, value.Str("message") ?? "");
    }

    private static InboundItem InstagramComment(string accountId, JsonElement value, DateTime entryTime)
    {
        if (value.Str("id") is not { } commentId || value.Str("from", "id") is not { } fromId)
        {
            return new InboundUnattributed("Instagram comment without id or from");
        }

        if (fromId == accountId)
        {
            return new InboundIgnored(IgnoredEvent.OwnOrFeedActivity, $"the account's own comment {commentId}");
        }

        var name = value.Str("from", "username") is { } username ? "@" + username : $"Instagram user {Tail(fromId)}";
        return new InboundComment(commentId, value.Str("media", "id"), fromId, name, entryTime, value.Str("text") ?? "");
    }

    internal static string Tail(string id) => id.Length <= 4 ? id : id[^4..];
}
