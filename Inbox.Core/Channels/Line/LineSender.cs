using System.Text.Json.Nodes;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Media;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Channels.Line;

/// <summary>
/// Sends LINE replies: through the free reply API while the conversation's reply token is fresh, otherwise
/// (or when LINE refuses the token) as a push carrying the message's own <c>X-Line-Retry-Key</c>, stored
/// before the first push so that a resend after a crash cannot reach the customer twice.
/// </summary>
public sealed class LineSender(
    PlatformClient client, IDbContextFactory<InboxDbContext> contexts, PublicMediaLinks links, IOptions<LineOptions> options, TimeProvider time) : IPlatformSender
{
    public bool Handles(ChannelKind kind) => kind == ChannelKind.Line;

    public async Task<SendOutcome> SendAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        var api = options.Value.ApiBaseUrl;
        string? imageUrl = null;
        if (send.File is { } file && (imageUrl = links.For(file.Id)) is null)
        {
            return SendOutcome.Refused(SendError.Final(SendFailure.Rejected, "no-public-url", MediaLimits.LineNeedsPublicUrl.ToString()), 0);
        }

        var messages = LinePayloads.Messages(send.Text, imageUrl);
        var calls = 0;
        string? consumed = null;
        if (FreshReplyToken(send) is { } token)
        {
            var reply = await client.PostAsync(send, LinePayloads.Reply(api, token, messages), retry: false, cancellationToken);
            consumed = token;
            calls = reply.Calls;
            if (!LinePayloads.IsInvalidReplyToken(reply))
            {
                return AfterReply(reply) with { ConsumedReplyToken = consumed };
            }
        }

        var key = send.Message.SendKey ?? await StoreSendKeyAsync(send.Message, cancellationToken);
        var push = await client.PostAsync(send, LinePayloads.Push(api, send.Recipient, (JsonArray)messages.DeepClone(), key), retry: true, cancellationToken);
        return SendOutcome.From(push, LinePayloads.PlatformId) with { Calls = calls + push.Calls, ConsumedReplyToken = consumed, UsedPushQuota = push.Error is null };
    }

    /// <summary>
    /// A reply token has no retry key, and LINE warns that a 5xx or a timeout may still have delivered the
    /// message: a second call (or a push) could duplicate it, so the agent is told instead.
    /// </summary>
    private static SendOutcome AfterReply(PlatformReply reply) => reply.Error is { Kind: SendErrorKind.Transient } error
        ? SendOutcome.Refused(SendError.Interrupted(error.Code, $"LINE's reply call failed ({error.Message})"), reply.Calls)
        : SendOutcome.From(reply, LinePayloads.PlatformId);

    private string? FreshReplyToken(OutboundSend send)
    {
        // A message that already has a send key went out as a push before (a resend after a restart): push again, never reply.
        var conversation = send.Conversation;
        var now = time.GetUtcNow().UtcDateTime;
        return send.Message.SendKey is null && conversation.LineReplyToken is { } token && ReplyPolicy.HoldsFreshReplyToken(ConversationFacts.Of(conversation), now)
            ? token
            : null;
    }

    private async Task<string> StoreSendKeyAsync(Message message, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Messages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.SendKey, key), cancellationToken);
        message.SendKey = key;
        return key;
    }
}
