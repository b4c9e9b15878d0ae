using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Media;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Channels.Meta;

/// <summary>
/// Sends Messenger and Instagram replies, direct and to comments, through the Graph API (Instagram Login channels: the
/// Instagram API); files are uploaded with the send.
/// </summary>
public sealed class MetaSender(PlatformClient client, MediaStore store, IOptions<MetaOptions> options) : IPlatformSender
{
    public bool Handles(ChannelKind kind) => kind is ChannelKind.Messenger or ChannelKind.Instagram;

    public async Task<SendOutcome> SendAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        if (send.File is { } file)
        {
            return await SendFileAsync(send, file, cancellationToken);
        }

        if (MetaPayloads.For(send, options.Value.ApiBaseFor(send.Channel)) is not { } request)
        {
            return SendOutcome.Refused(Unsupported(send), 0);
        }

        var reply = await client.PostAsync(send, request, retry: true, cancellationToken);
        return SendOutcome.From(reply, MetaPayloads.PlatformId);
    }

    /// <summary>
    /// The Send API takes a file or a text per message, not both: the file goes first, its text after it. When the text
    /// fails after the file arrived, the reply is not delivered as a whole and says so.
    /// </summary>
    private async Task<SendOutcome> SendFileAsync(OutboundSend send, Attachment file, CancellationToken cancellationToken)
    {
        if (!store.Exists(file.StoredAs))
        {
            return FileUpload.Missing();
        }

        var graph = options.Value.ApiBaseFor(send.Channel);
        if (MetaPayloads.Upload(send, graph, fields => FileUpload.Form(store, file, fields, "filedata")) is not { } upload)
        {
            return SendOutcome.Refused(Unsupported(send), 0);
        }

        var sent = await client.PostAsync(send, upload, retry: true, cancellationToken);
        if (sent.Error is not null || send.Text is not { } text)
        {
            return SendOutcome.From(sent, MetaPayloads.PlatformId);
        }

        var caption = await client.PostAsync(send, MetaPayloads.For(send, graph, text)!, retry: true, cancellationToken);
        var calls = sent.Calls + caption.Calls;
        return caption.Error is { } error
            ? SendOutcome.Refused(SendError.Final(error.Failure ?? SendFailure.Rejected, error.Code, $"The file was sent, its text was not: {error.Message}"), calls)
            : SendOutcome.Sent(MetaPayloads.PlatformId(sent), calls);
    }

    private static SendError Unsupported(OutboundSend send) => SendError.Final(
        SendFailure.Rejected, "unsupported", $"A {send.Message.ReplyType} reply cannot be sent in a {send.Channel.Kind} {send.Conversation.Kind} conversation.");
}
