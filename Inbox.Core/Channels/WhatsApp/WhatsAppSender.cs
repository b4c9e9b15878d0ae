using Inbox.Core.Channels.Meta;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Channels.WhatsApp;

/// <summary>Sends WhatsApp texts and templates through the Cloud API on the Graph host.</summary>
public sealed class WhatsAppSender(PlatformClient client, IOptions<MetaOptions> options) : IPlatformSender
{
    public bool Handles(ChannelKind kind) => kind == ChannelKind.WhatsApp;

    public async Task<SendOutcome> SendAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        if (WhatsAppPayloads.For(send, options.Value.GraphApiBaseUrl) is not { } request)
        {
            return SendOutcome.Refused(SendError.Final(SendFailure.Rejected, "unsupported", $"A {send.Message.ReplyType} reply cannot be sent on WhatsApp."), 0);
        }

        var reply = await client.PostAsync(send, request, retry: true, cancellationToken);
        return SendOutcome.From(reply, WhatsAppPayloads.PlatformId);
    }
}
