using System.Text.Json.Nodes;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;

namespace Inbox.Core.Channels.Meta;

/// <summary>
/// The Graph API requests for Messenger and Instagram replies (docs/platform-rules.md §2, §5): Send API
/// messages (<c>RESPONSE</c>, <c>HUMAN_AGENT</c>, private replies) and public comment replies.
/// </summary>
public static class MetaPayloads
{
    /// <summary>The request for a message, or null when its reply type does not exist on Messenger/Instagram.</summary>
    public static PlatformRequest? For(OutboundSend send, string graphBaseUrl) => For(send, graphBaseUrl, send.Message.Text);

    /// <summary>
    /// The Send API call that uploads and sends the reply's file at once: multipart/form-data with <c>recipient</c>,
    /// <c>messaging_type</c> (and <c>tag</c>), <c>message</c> = <c>{"attachment":{"type","payload":{"is_reusable":false}}}</c> and
    /// the file as <c>filedata</c> (docs/platform-rules.md §5a). Null outside a direct conversation's standard or tagged reply.
    /// </summary>
    public static PlatformRequest? Upload(OutboundSend send, string graphBaseUrl, Func<JsonObject, Func<HttpContent>> form)
    {
        if (send.File is not { } file || send.Conversation.Kind != ConversationKind.Direct || send.Message.ReplyType is not (ReplyType.FreeForm or ReplyType.HumanAgentTag))
        {
            return null;
        }

        var tagged = send.Message.ReplyType == ReplyType.HumanAgentTag;
        var attachment = new JsonObject
        {
            ["attachment"] = new JsonObject { ["type"] = file.Kind, ["payload"] = new JsonObject { ["is_reusable"] = false } },
        };
        if (send.Channel.Kind == ChannelKind.Messenger)
        {
            attachment["metadata"] = $"inbox:{send.Message.Id}";
        }

        var fields = Envelope(new JsonObject { ["id"] = send.Recipient }, tagged);
        fields["message"] = attachment;
        return new($"{graphBaseUrl.TrimEnd('/')}/{send.Channel.ExternalId}/messages", fields, Upload: form(fields));
    }

    /// <summary>The request for a message with <paramref name="text"/> (a file's caption goes as its own text message after it).</summary>
    public static PlatformRequest? For(OutboundSend send, string graphBaseUrl, string text)
    {
        var graph = graphBaseUrl.TrimEnd('/');
        var message = send.Message;
        var commentId = send.Conversation.CommentId;
        return message.ReplyType switch
        {
            ReplyType.FreeForm when send.Conversation.Kind == ConversationKind.Direct =>
                new($"{graph}/{send.Channel.ExternalId}/messages", SendApi(send, new JsonObject { ["id"] = send.Recipient }, tagged: false, text)),
            ReplyType.HumanAgentTag when send.Conversation.Kind == ConversationKind.Direct =>
                new($"{graph}/{send.Channel.ExternalId}/messages", SendApi(send, new JsonObject { ["id"] = send.Recipient }, tagged: true, text)),
            ReplyType.PrivateReply when commentId is not null =>
                new($"{graph}/{send.Channel.ExternalId}/messages", SendApi(send, new JsonObject { ["comment_id"] = commentId }, tagged: false, text)),
            // Graph: Facebook answers a comment with /comments, Instagram with /replies.
            ReplyType.PublicReply when commentId is not null =>
                new($"{graph}/{commentId}/{(send.Channel.Kind == ChannelKind.Instagram ? "replies" : "comments")}", new JsonObject { ["message"] = text }),
            _ => null,
        };
    }

    /// <summary>The platform's id in an accepted answer: <c>message_id</c> from the Send API, <c>id</c> for a comment reply.</summary>
    public static string? PlatformId(PlatformReply reply)
    {
        var json = reply.Json();
        return JsonBodies.Text(json?["message_id"]) ?? JsonBodies.Text(json?["id"]);
    }

    private static JsonObject Envelope(JsonObject recipient, bool tagged)
    {
        var body = new JsonObject
        {
            ["recipient"] = recipient,
            ["messaging_type"] = tagged ? "MESSAGE_TAG" : "RESPONSE",
        };
        if (tagged)
        {
            body["tag"] = "HUMAN_AGENT";
        }

        return body;
    }

    private static JsonObject SendApi(OutboundSend send, JsonObject recipient, bool tagged, string text)
    {
        var body = Envelope(recipient, tagged);
        var content = new JsonObject { ["text"] = text };
        if (send.Channel.Kind == ChannelKind.Messenger)
        {
            // Messenger echoes metadata back (message_echoes), which lets the inbox recognise its own sends.
            // Instagram's Send API does not document the field, so it is left out there.
            content["metadata"] = $"inbox:{send.Message.Id}";
        }

        body["message"] = content;
        return body;
    }
}
