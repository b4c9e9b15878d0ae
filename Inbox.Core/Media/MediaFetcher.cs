using Inbox.Core.Channels;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Events;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Media;

/// <summary>
/// Downloads customers' files one at a time. Each attempt is claimed atomically (the row's attempt count and a lease
/// in <see cref="Attachment.NextAttemptAt"/>), so two workers never fetch the same file and a crash mid-download only
/// delays the next attempt. A failed download is retried with back-off, then shown as not available with the reason;
/// the message itself was stored long before and never waits for it.
/// </summary>
public sealed class MediaFetcher(
    IDbContextFactory<InboxDbContext> contexts,
    MediaDownloader downloader,
    MediaStore store,
    DomainEvents events,
    IOptions<MediaOptions> options,
    TimeProvider time,
    ILogger<MediaFetcher> logger) : IDisposable
{
    private readonly SemaphoreSlim pass = new(1, 1);

    /// <summary>Fetches every attachment due now; returns how many were attempted.</summary>
    public async Task<int> FetchDueAsync(CancellationToken cancellationToken = default)
    {
        // Passes run one after another: when a call returns, everything due when it was made is settled.
        await pass.WaitAsync(cancellationToken);
        try
        {
            var attempted = 0;
            long after = 0;
            while (await NextDueAsync(after, cancellationToken) is { } id)
            {
                after = id;
                if (await TryClaimAsync(id, cancellationToken))
                {
                    await FetchClaimedAsync(id, cancellationToken);
                    attempted++;
                }
            }

            return attempted;
        }
        finally
        {
            pass.Release();
        }
    }

    private async Task<long?> NextDueAsync(long after, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Attachments
            .Where(a => a.Id > after && a.Status == AttachmentStatus.Pending && (a.NextAttemptAt == null || a.NextAttemptAt <= now))
            .Where(a => db.Channels.Any(c => c.Id == a.ChannelId && c.AuthError == null))
            .OrderBy(a => a.Id)
            .Select(a => (long?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<bool> TryClaimAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lease = now + options.Value.RequestTimeout + options.Value.RequestTimeout;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Attachments
            .Where(a => a.Id == id && a.Status == AttachmentStatus.Pending && (a.NextAttemptAt == null || a.NextAttemptAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Attempts, a => a.Attempts + 1).SetProperty(a => a.NextAttemptAt, lease), cancellationToken) == 1;
    }

    private async Task FetchClaimedAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var attachment = await db.Attachments.Include(a => a.Message).SingleAsync(a => a.Id == id, cancellationToken);
        var channel = await db.Channels.SingleAsync(c => c.Id == attachment.ChannelId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var (stored, error) = channel.Simulated
            ? (null, new PlatformFetchError(SendErrorKind.Final, "Demo customers send no real files."))
            : await DownloadAsync(attachment, channel, cancellationToken);
        if (stored is not null)
        {
            (attachment.Status, attachment.StoredAs, attachment.MimeType, attachment.Size) = (AttachmentStatus.Stored, stored.StoredAs, stored.MimeType, stored.Size);
            (attachment.NextAttemptAt, attachment.Failure) = (null, null);
        }
        else
        {
            Fail(attachment, channel, error!, now);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Attachment {AttachmentId} of message {MessageId} on {Channel}: {Status} {Reason}", id, attachment.MessageId, channel.Key, attachment.Status, error?.Reason);
        if (attachment.Status != AttachmentStatus.Pending)
        {
            await events.PublishAsync(new AttachmentChanged(attachment.Message!.ConversationId, attachment.MessageId, id, attachment.Status), CancellationToken.None);
        }
    }

    private async Task<(StoredFile? Stored, PlatformFetchError? Error)> DownloadAsync(Attachment attachment, Channel channel, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var download = await downloader.OpenAsync(attachment, channel, linked.Token);
            if (download.Error is { } error)
            {
                return (null, error);
            }

            if (download.Response!.Content.Headers.ContentLength is { } length && length > options.Value.MaxBytes)
            {
                return (null, new PlatformFetchError(SendErrorKind.Final, $"The file is larger than the {MediaStore.Megabytes(options.Value.MaxBytes)} limit."));
            }

            await using var content = await download.Response.Content.ReadAsStreamAsync(linked.Token);
            var stored = await store.SaveAsync(content, attachment.Kind, download.DeclaredType ?? attachment.MimeType, options.Value.MaxBytes, linked.Token);
            return stored.Refusal is { } refusal ? (null, new PlatformFetchError(SendErrorKind.Final, refusal.ToString())) : (stored, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, PlatformFetchError.FromException(ex));
        }
    }

    private void Fail(Attachment attachment, Channel channel, PlatformFetchError error, DateTime now)
    {
        var settings = options.Value;
        if (error.Kind == SendErrorKind.Auth)
        {
            // The channel's token-error path: an admin is alerted, downloads (and replies) wait for a new token.
            channel.AuthError ??= error.Reason;
            channel.AuthErrorAt ??= now;
            attachment.Attempts--;
            attachment.NextAttemptAt = now;
            attachment.Failure = error.Reason;
            return;
        }

        if (error.Kind == SendErrorKind.Transient && attachment.Attempts < settings.MaxAttempts)
        {
            attachment.NextAttemptAt = now + (settings.RetryDelay * Math.Pow(2, attachment.Attempts - 1));
            attachment.Failure = error.Reason;
            return;
        }

        attachment.Status = AttachmentStatus.Unavailable;
        attachment.NextAttemptAt = null;
        var reason = error.Kind == SendErrorKind.Transient ? $"Not downloaded after {attachment.Attempts} attempts. {error.Reason}" : error.Reason;
        attachment.Failure = reason.Length > 300 ? reason[..300] : reason;
    }

    public void Dispose() => pass.Dispose();
}
