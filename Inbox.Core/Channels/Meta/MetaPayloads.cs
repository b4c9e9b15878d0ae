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
    public static PlatformRequest? For(OutboundSend send, string graphBaseUrl)
    {
        var graph = graphBaseUrl.TrimEnd('/');
        var message = send.Message;
        var commentId = send.Conversation.CommentId;
        return message.ReplyType switch
        {
            ReplyType.FreeForm when send.Conversation.Kind == ConversationKind.Direct =>
                new($"{graph}/{send.Channel.ExternalId}/messages", SendApi(send, new JsonObject { ["id"] = send.Recipient }, tagged: false)),
            ReplyType.HumanAgentTag when send.Conversation.Kind == ConversationKind.Direct =>
                new($"{graph}/{send.Channel.ExternalId}/messages", SendApi(send, new JsonObject { ["id"] = send.Recipient }, tagged: true)),
            ReplyType.PrivateReply when commentId is not null =>
                new($"{graph}/{send.Channel.ExternalId}/messages", SendApi(send, new JsonObject { ["comment_id"] = commentId }, tagged: false)),
            // Graph: Facebook answers a comment with /comments, Instagram with /replies.
            ReplyType.PublicReply when commentId is not null =>
                new($"{graph}/{commentId}/{(send.Channel.Kind == ChannelKind.Instagram ? "replies" : "comments")}", new JsonObject { ["message"] = message.Text }),
            _ => null,
        };
    }

    /// <summary>The platform's id in an accepted answer: <c>message_id</c> from the Send API, <c>id</c> for a comment reply.</summary>
    public static string? PlatformId(PlatformReply reply)
    {
        var json = reply.Json();
        return JsonBodies.Text(json?["message_id"]) ?? JsonBodies.Text(json?["id"]);
    }

    private static JsonObject SendApi(OutboundSend send, JsonObject recipient, bool tagged)
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

        var content = new JsonObject { ["text"] = send.Message.Text };
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
