using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Media;

/// <summary>
/// Queues a reply that carries a photo or a file, for the composer and the API alike: the file is stored and its type
/// checked from its bytes, the platform's type and size limits are asked (<see cref="MediaLimits"/>), and the reply then
/// goes through <see cref="ConversationCommands.QueueReplyAsync"/> like any text, under the same policy. Whatever is
/// refused leaves no file behind.
/// </summary>
public sealed class AttachmentReplies(
    IDbContextFactory<InboxDbContext> contexts, ConversationCommands commands, MediaStore store, PublicMediaLinks links, IOptions<MediaOptions> options)
{
    /// <summary>Why files cannot be sent in this conversation at all (LINE without a public address); null when they can.</summary>
    public static Phrase? Unavailable(Channels.ChannelKind channel, bool publicLinks) =>
        channel == Channels.ChannelKind.Line && !publicLinks ? MediaLimits.LineNeedsPublicUrl : null;

    /// <summary>Whether <c>Inbox:PublicBaseUrl</c> is set.</summary>
    public bool PublicLinks => links.Enabled;

    /// <summary>The app's own size limit (<c>Inbox:Media:MaxBytes</c>).</summary>
    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>
    /// What the composer can tell as soon as a file is attached, from its size and first bytes: how it would be sent, and
    /// why the conversation's platform would refuse it (null when it would not). Queueing checks the stored file again.
    /// </summary>
    public (string Kind, string MimeType, Phrase? Refusal) Check(Channels.ChannelKind channel, ReadOnlySpan<byte> header, string? declaredType, long size)
    {
        var mimeType = MediaTypes.Check("file", header, declaredType).MimeType ?? "application/octet-stream";
        var kind = MediaLimits.KindOf(mimeType);
        var refusal = Unavailable(channel, links.Enabled)
            ?? (size > options.Value.MaxBytes ? MediaStore.TooLarge(options.Value.MaxBytes) : null)
            ?? (size == 0 ? new Phrase("The file is empty.") : null)
            ?? MediaLimits.Check(channel, kind, mimeType, size, links.Enabled);
        return (kind, mimeType, refusal);
    }

    /// <summary>Stores <paramref name="content"/>, checks it against the conversation's platform, and queues it with <paramref name="text"/>.</summary>
    public async Task<CommandResult> QueueAsync(
        int conversationId, Stream content, string? fileName, string? declaredType, string? text, ReplyType? replyType, SenderKind sender, int? agentId,
        CancellationToken cancellationToken = default)
    {
        Channels.ChannelKind? channel;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            channel = await db.Conversations.Where(c => c.Id == conversationId).Select(c => (Channels.ChannelKind?)c.Channel!.Kind).SingleOrDefaultAsync(cancellationToken);
        }

        if (channel is not { } kind)
        {
            return CommandResult.NotFound(new Phrase("Conversation {0} does not exist.", conversationId));
        }

        if (Unavailable(kind, links.Enabled) is { } off)
        {
            return CommandResult.Invalid(off);
        }

        var stored = await store.SaveAsync(content, "file", declaredType, options.Value.MaxBytes, cancellationToken);
        if (stored.Refusal is { } refusal)
        {
            return CommandResult.Invalid(refusal.Key == MediaStore.EmptyFromPlatform.Key ? new Phrase("The file is empty.") : refusal);
        }

        var file = new OutgoingFile(MediaLimits.KindOf(stored.MimeType!), stored.StoredAs!, stored.MimeType!, stored.Size, PendingDownloads.SafeName(fileName));
        var result = MediaLimits.Check(kind, file.Kind, file.MimeType, file.Size, links.Enabled) is { } tooBig
            ? CommandResult.Invalid(tooBig)
            : await commands.QueueReplyAsync(conversationId, new ReplyRequest(text, replyType, null, file), sender, agentId, cancellationToken);
        if (result.Status != CommandStatus.Done)
        {
            store.Delete(file.StoredAs);
        }

        return result;
    }
}
