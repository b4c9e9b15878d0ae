using Inbox.Core.Channels;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Localization;
using Inbox.Core.Media;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Contacts.Profiles;

/// <summary>
/// Gives Messenger, Instagram and LINE customers their real name and picture: looked up in the background for a new
/// contact, again when the last lookup is older than <see cref="MediaOptions.ProfileMaxAge"/>. A failed lookup keeps
/// the name shown so far and is tried again after <see cref="MediaOptions.ProfileRetryDelay"/>; a refused token puts
/// the channel on its token alert, as a refused send does. The picture is stored in the media folder and served by
/// the app, never linked from the platform's CDN.
/// </summary>
public sealed class ProfileRefresher(
    IDbContextFactory<InboxDbContext> contexts,
    ProfileLookup lookup,
    MediaDownloader downloader,
    MediaStore store,
    DomainEvents events,
    IOptions<MediaOptions> options,
    TimeProvider time,
    ILogger<ProfileRefresher> logger) : IDisposable
{
    private readonly SemaphoreSlim pass = new(1, 1);

    private static readonly ChannelKind[] Kinds = [ChannelKind.Messenger, ChannelKind.Instagram, ChannelKind.Line];

    /// <summary>Looks up every contact due now; returns how many lookups were made.</summary>
    public async Task<int> RefreshDueAsync(CancellationToken cancellationToken = default)
    {
        // Passes run one after another: when a call returns, everything due when it was made is settled.
        await pass.WaitAsync(cancellationToken);
        try
        {
            var looked = 0;
            var after = 0;
            while (await NextDueAsync(after, cancellationToken) is { } id)
            {
                after = id;
                if (await TryClaimAsync(id, cancellationToken))
                {
                    await RefreshClaimedAsync(id, cancellationToken);
                    looked++;
                }
            }

            return looked;
        }
        finally
        {
            pass.Release();
        }
    }

    private async Task<int?> NextDueAsync(int after, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stale = now - options.Value.ProfileMaxAge;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Direct-message customers only: a comment's author id is not a messaging id, and the comment carries the name.
        return await db.Contacts
            .Where(c => c.Id > after && (c.ProfileFetchedAt == null || c.ProfileFetchedAt < stale) && (c.ProfileRetryAt == null || c.ProfileRetryAt <= now))
            .Where(c => Kinds.Contains(c.Channel!.Kind) && !c.Channel.Simulated && c.Channel.AuthError == null)
            .Where(c => db.Conversations.Any(v => v.ContactId == c.Id && v.Kind == ConversationKind.Direct))
            .OrderBy(c => c.Id)
            .Select(c => (int?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Claims the lookup by moving its retry time on: a failure then needs no further write, and no other worker takes it meanwhile.</summary>
    private async Task<bool> TryClaimAsync(int id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var retryAt = now + options.Value.ProfileRetryDelay;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Contacts
            .Where(c => c.Id == id && (c.ProfileRetryAt == null || c.ProfileRetryAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ProfileRetryAt, retryAt), cancellationToken) == 1;
    }

    private async Task RefreshClaimedAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var contact = await db.Contacts.Include(c => c.Channel).SingleAsync(c => c.Id == id, cancellationToken);
        var channel = contact.Channel!;
        using var timeout = new CancellationTokenSource(options.Value.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var (profile, error) = await lookup.ReadAsync(channel, contact.ExternalId, linked.Token);
        var now = time.GetUtcNow().UtcDateTime;
        if (profile is null)
        {
            logger.LogInformation("Profile of contact {ContactId} on {Channel} not read ({Kind}): {Reason}", id, channel.Key, error!.Kind, error.Reason);
            if (error.Kind == SendErrorKind.Auth)
            {
                channel.AuthError ??= error.Reason;
                channel.AuthErrorAt ??= now;
                await db.SaveChangesAsync(CancellationToken.None);
            }

            return;
        }

        var picture = profile.PictureUrl is { } url ? await PictureAsync(url, channel, linked.Token) : null;
        var oldPicture = contact.AvatarFile;
        if (profile.Name is { } name)
        {
            contact.Name = name.Length > 200 ? name[..200] : name;
        }

        // The platform's language fills in an unknown one; an agent's choice in the contact panel is kept.
        contact.Language ??= Languages.Normalize(profile.Language);
        if (picture is not null || profile.PictureUrl is null)
        {
            contact.AvatarFile = picture;
        }

        (contact.ProfileFetchedAt, contact.ProfileRetryAt) = (now, picture is null && profile.PictureUrl is not null ? now + options.Value.ProfileRetryDelay : null);
        if (picture is null && profile.PictureUrl is not null)
        {
            // The name is in; the picture is tried again with the next lookup.
            contact.ProfileFetchedAt = null;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        if (oldPicture != contact.AvatarFile)
        {
            store.Delete(oldPicture);
        }

        var conversations = await db.Conversations.Where(c => c.ContactId == id).Select(c => c.Id).ToListAsync(CancellationToken.None);
        await events.PublishAsync(new ContactProfileUpdated(id, conversations), CancellationToken.None);
    }

    private async Task<string?> PictureAsync(string url, Channel channel, CancellationToken cancellationToken)
    {
        try
        {
            using var download = await downloader.OpenLinkAsync(url, channel, cancellationToken);
            if (download.Response is null)
            {
                return null;
            }

            await using var content = await download.Response.Content.ReadAsStreamAsync(cancellationToken);
            var stored = await store.SaveAsync(content, "image", download.DeclaredType, options.Value.MaxBytes, cancellationToken);
            return stored.StoredAs;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Dispose() => pass.Dispose();
}
