using Inbox.Core.Channels.Meta;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Media;
using Inbox.Core.Policy;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Channels.WhatsApp;

/// <summary>Sends WhatsApp texts, templates and media (uploaded first, then sent by id) through the Cloud API on the Graph host.</summary>
public sealed class WhatsAppSender(PlatformClient client, MediaStore store, IOptions<MetaOptions> options) : IPlatformSender
{
    public bool Handles(ChannelKind kind) => kind == ChannelKind.WhatsApp;

    public async Task<SendOutcome> SendAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        if (send.File is { } file)
        {
            return await SendFileAsync(send, file, cancellationToken);
        }

        if (WhatsAppPayloads.For(send, options.Value.GraphApiBaseUrl) is not { } request)
        {
            return SendOutcome.Refused(SendError.Final(SendFailure.Rejected, "unsupported", $"A {send.Message.ReplyType} reply cannot be sent on WhatsApp."), 0);
        }

        var reply = await client.PostAsync(send, request, retry: true, cancellationToken);
        return SendOutcome.From(reply, WhatsAppPayloads.PlatformId);
    }

    private async Task<SendOutcome> SendFileAsync(OutboundSend send, Attachment file, CancellationToken cancellationToken)
    {
        if (send.Message.ReplyType != ReplyType.FreeForm)
        {
            return SendOutcome.Refused(SendError.Final(SendFailure.Rejected, "unsupported", "WhatsApp files go only as free-form replies, inside the 24 h window."), 0);
        }

        if (!store.Exists(file.StoredAs))
        {
            return FileUpload.Missing();
        }

        var graph = options.Value.GraphApiBaseUrl;
        var upload = await client.PostAsync(send, WhatsAppPayloads.Upload(send, graph, fields => FileUpload.Form(store, file, fields, "file")), retry: true, cancellationToken);
        if (upload.Error is not null)
        {
            return SendOutcome.From(upload, WhatsAppPayloads.PlatformId);
        }

        if (WhatsAppPayloads.MediaId(upload) is not { } mediaId)
        {
            return SendOutcome.Refused(SendError.Final(SendFailure.Rejected, "no-media-id", "WhatsApp took the file but gave no media id for it."), upload.Calls);
        }

        // Kept on the attachment: Meta's id for the copy it holds (for 30 days).
        file.Source = mediaId;
        var sent = await client.PostAsync(send, WhatsAppPayloads.Media(send, graph, mediaId), retry: true, cancellationToken);
        return SendOutcome.From(sent, WhatsAppPayloads.PlatformId) with { Calls = upload.Calls + sent.Calls };
    }
}
