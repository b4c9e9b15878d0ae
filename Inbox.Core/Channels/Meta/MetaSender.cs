using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Channels.Meta;

/// <summary>Sends Messenger and Instagram replies, direct and to comments, through the Graph API (Instagram Login channels: the Instagram API).</summary>
public sealed class MetaSender(PlatformClient client, IOptions<MetaOptions> options) : IPlatformSender
{
    public bool Handles(ChannelKind kind) => kind is ChannelKind.Messenger or ChannelKind.Instagram;

    public async Task<SendOutcome> SendAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        if (MetaPayloads.For(send, options.Value.ApiBaseFor(send.Channel)) is not { } request)
        {
            return SendOutcome.Refused(Unsupported(send), 0);
        }

        var reply = await client.PostAsync(send, request, retry: true, cancellationToken);
        return SendOutcome.From(reply, MetaPayloads.PlatformId);
    }

    private static SendError Unsupported(OutboundSend send) => SendError.Final(
        SendFailure.Rejected, "unsupported", $"A {send.Message.ReplyType} reply cannot be sent in a {send.Channel.Kind} {send.Conversation.Kind} conversation.");
}
