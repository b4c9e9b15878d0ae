using Inbox.Core.Audit;
using Inbox.Core.Events;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Channels;

/// <summary>
/// The admin's channel editor: lists channels with secrets masked, and creates, updates and deletes the ones
/// admins own. Channels declared in configuration are read-only here, because start-up would overwrite any edit.
/// Every change is logged with the admin who made it; secret values never reach the log.
/// </summary>
public sealed class ChannelAdmin(
    IDbContextFactory<InboxDbContext> contexts,
    TimeProvider time,
    DomainEvents events,
    AuditLog audit,
    Inbound.WebhookAddressBook addresses,
    ILogger<ChannelAdmin> logger)
{
    private static readonly Phrase DeclaredInConfiguration = new("This channel is declared in configuration (Inbox:Channels); edit it there.");

    /// <summary>Every channel, by platform then name, with secrets masked as <see cref="ChannelDirectory.Mask"/> does.</summary>
    public async Task<IReadOnlyList<ChannelAdminRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var conversations = await db.Conversations.GroupBy(c => c.ChannelId)
            .Select(g => new { ChannelId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ChannelId, g => g.Count, cancellationToken);
        return channels.Select(c => new ChannelAdminRow(
            c.Id, c.Key, c.Kind, c.Name, c.ExternalId,
            ChannelDirectory.Mask(c.AccessToken), ChannelDirectory.Mask(c.ChannelSecret),
            c.HumanAgentApproved, c.Simulated, c.FromConfiguration, conversations.GetValueOrDefault(c.Id),
            c.AuthError, c.AuthErrorAt, c.HumanAgentRefusedAt, c.LineQuotaLimit, c.LineQuotaUsed, c.LineQuotaCheckedAt, c.BusinessAccountId, c.SendRestrictedAt, c.ReadReceipts,
            c.LoginType, c.AccessTokenExpiresAt, ChannelSetup.UsesInstagramLogin(c.Kind, c.LoginType) ? Meta.InstagramTokenRules.State(c.AccessTokenExpiresAt, now) : TokenExpiry.Valid)).ToList();
    }

    /// <summary>Adds a live channel. <paramref name="actor"/> is who did it, for the log.</summary>
    public async Task<ChannelAdminResult> CreateAsync(ChannelDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        var input = Trimmed(draft);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if ((ChannelDraftRules.Check(input, existing: null) ?? await CheckUniqueAsync(db, input, id: 0, cancellationToken)) is { } refused)
        {
            return refused;
        }

        var channel = new Channel
        {
            Key = input.Key,
            Kind = input.Kind,
            Name = input.Name,
            ExternalId = input.ExternalId,
            AccessToken = ChannelDraftRules.Effective(input.AccessToken, null),
            ChannelSecret = input.Kind == ChannelKind.Line ? ChannelDraftRules.Effective(input.ChannelSecret, null) : null,
            HumanAgentApproved = ChannelSetup.UsesHumanAgentTag(input.Kind) && input.HumanAgentApproved,
            LoginType = LoginOf(input),
            AccessTokenIssuedAt = time.GetUtcNow().UtcDateTime,
            BusinessAccountId = BusinessAccount(input),
            ReadReceipts = input.ReadReceipts,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Channels.Add(channel);
        audit.Add(db, actor, "channel.created", $"channel {channel.Key}",
            $"{channel.Kind} \"{channel.Name}\" ({channel.ExternalId}); access token {(channel.AccessToken is null ? "not set" : "set")}"
            + (channel.ChannelSecret is null ? "" : "; channel secret set"));
        if (await SaveAsync(db, input, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        await ForgetCachedAsync(channel.Id, cancellationToken);
        logger.LogInformation("{Actor} added {Kind} channel {Key} ({Name}, {ExternalId})", actor, channel.Kind, channel.Key, channel.Name, channel.ExternalId);
        return ChannelAdminResult.Done(channel.Id);
    }

    /// <summary>
    /// Changes a channel's settings. A blank secret keeps the stored one; a new access token clears the
    /// "token refused" alert, so the sender releases the messages it held.
    /// </summary>
    public async Task<ChannelAdminResult> UpdateAsync(int id, ChannelDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        var input = Trimmed(draft);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return ChannelAdminResult.NotFound(id);
        }

        if (channel.FromConfiguration)
        {
            return ChannelAdminResult.Invalid(DeclaredInConfiguration);
        }

        if ((ChannelDraftRules.Check(input, channel) ?? await CheckUniqueAsync(db, input, id, cancellationToken)) is { } refused)
        {
            return refused;
        }

        if (input.Kind != channel.Kind && await db.Conversations.AnyAsync(c => c.ChannelId == id, cancellationToken))
        {
            return ChannelAdminResult.Invalid(new Phrase("The platform of a channel that has conversations cannot change; add a new channel instead."), nameof(ChannelDraft.Kind));
        }

        var changes = Apply(input, channel);
        if (changes.Contains(nameof(Channel.AccessToken)))
        {
            // A token typed in is taken as new; its expiry is learnt at its first refresh (Instagram Login).
            (channel.AccessTokenIssuedAt, channel.AccessTokenExpiresAt, channel.TokenRefreshClaimedAt) = (time.GetUtcNow().UtcDateTime, null, null);
        }
        var reauthorised = changes.Contains(nameof(Channel.AccessToken)) && channel.AuthError is not null;
        if (reauthorised)
        {
            channel.AuthError = null;
            channel.AuthErrorAt = null;
        }

        if (changes.Count > 0)
        {
            audit.Add(db, actor, "channel.updated", $"channel {channel.Key}", AuditDetail(changes));
        }

        if (await SaveAsync(db, input, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        await ForgetCachedAsync(channel.Id, cancellationToken);
        logger.LogInformation("{Actor} changed channel {Key}: {Changes}", actor, channel.Key, changes.Count == 0 ? "nothing" : string.Join(", ", changes));
        if (reauthorised)
        {
            logger.LogInformation("{Actor} entered a new access token for channel {Key}: its token alert is cleared and held sends may go", actor, channel.Key);
            await events.PublishAsync(new ChannelReauthorised(channel.Id), cancellationToken);
        }

        return ChannelAdminResult.Done(channel.Id);
    }

    /// <summary>Deletes a channel that has no conversations; one with history is refused, as deleting it would delete them.</summary>
    public async Task<ChannelAdminResult> DeleteAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return ChannelAdminResult.NotFound(id);
        }

        if (channel.FromConfiguration)
        {
            return ChannelAdminResult.Invalid(DeclaredInConfiguration);
        }

        // One statement, so a conversation arriving meanwhile cannot be swept away by the cascade.
        var deleted = await db.Channels
            .Where(c => c.Id == id && !db.Conversations.Any(cv => cv.ChannelId == c.Id) && !db.Messages.Any(m => m.ChannelId == c.Id))
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            var count = await db.Conversations.CountAsync(c => c.ChannelId == id, cancellationToken);
            return ChannelAdminResult.Invalid(new Phrase(
                "Channel {0} cannot be deleted: it has {1} conversation(s), and deleting it would delete their history.", channel.Key, count));
        }

        await ForgetCachedAsync(id, cancellationToken);
        await audit.RecordAsync(actor, "channel.deleted", $"channel {channel.Key}", $"{channel.Kind} \"{channel.Name}\"", cancellationToken);
        logger.LogInformation("{Actor} deleted {Kind} channel {Key} ({Name})", actor, channel.Kind, channel.Key, channel.Name);
        return ChannelAdminResult.Done(id);
    }

    /// <summary>This instance's routes at once; other instances' through <see cref="ChannelsChanged"/> (relayed when there are several).</summary>
    private async Task ForgetCachedAsync(int channelId, CancellationToken cancellationToken)
    {
        addresses.Invalidate();
        await events.PublishAsync(new ChannelsChanged(channelId), cancellationToken);
    }

    private static async Task<ChannelAdminResult?> CheckUniqueAsync(InboxDbContext db, ChannelDraft input, int id, CancellationToken cancellationToken)
    {
        if (await db.Channels.AnyAsync(c => c.Key == input.Key && c.Id != id, cancellationToken))
        {
            return ChannelAdminResult.Invalid(new Phrase("Another channel already uses the key {0}.", input.Key), nameof(ChannelDraft.Key));
        }

        if (await db.Channels.AnyAsync(c => c.Kind == input.Kind && c.ExternalId == input.ExternalId && c.Id != id, cancellationToken))
        {
            return ChannelAdminResult.Invalid(new Phrase(
                "Another {0} channel already has {1} {2}.", input.Kind, ChannelSetup.ExternalIdLabel(input.Kind), input.ExternalId), nameof(ChannelDraft.ExternalId));
        }

        return null;
    }

    /// <summary>Saves; a unique index hit by a concurrent edit becomes the same refusal the checks give.</summary>
    private static async Task<ChannelAdminResult?> SaveAsync(InboxDbContext db, ChannelDraft input, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return ChannelAdminResult.Invalid(new Phrase("Another channel already uses the key {0} or {1} {2}.", input.Key, ChannelSetup.ExternalIdLabel(input.Kind), input.ExternalId));
        }
    }

    /// <summary>Names what changed; a secret is only ever said to be replaced.</summary>
    private static string AuditDetail(IEnumerable<string> changes) => string.Join(", ", changes.Select(change => change switch
    {
        nameof(Channel.AccessToken) => "access token replaced",
        nameof(Channel.ChannelSecret) => "channel secret replaced",
        _ => change + " changed",
    }));

    /// <summary>Copies the draft onto the channel and names what changed (secrets by name only).</summary>
    private static List<string> Apply(ChannelDraft input, Channel channel)
    {
        var changes = new List<string>();
        void Set<T>(string name, T current, T value, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                assign(value);
                changes.Add(name);
            }
        }

        Set(nameof(Channel.Key), channel.Key, input.Key, v => channel.Key = v);
        Set(nameof(Channel.Kind), channel.Kind, input.Kind, v => channel.Kind = v);
        Set(nameof(Channel.Name), channel.Name, input.Name, v => channel.Name = v);
        Set(nameof(Channel.ExternalId), channel.ExternalId, input.ExternalId, v => channel.ExternalId = v);
        Set(nameof(Channel.AccessToken), channel.AccessToken, ChannelDraftRules.Effective(input.AccessToken, channel.AccessToken), v => channel.AccessToken = v);
        var secret = input.Kind == ChannelKind.Line ? ChannelDraftRules.Effective(input.ChannelSecret, channel.ChannelSecret) : null;
        Set(nameof(Channel.ChannelSecret), channel.ChannelSecret, secret, v => channel.ChannelSecret = v);
        Set(nameof(Channel.HumanAgentApproved), channel.HumanAgentApproved, ChannelSetup.UsesHumanAgentTag(input.Kind) && input.HumanAgentApproved, v => channel.HumanAgentApproved = v);
        Set(nameof(Channel.LoginType), channel.LoginType, LoginOf(input), v => channel.LoginType = v);
        Set(nameof(Channel.BusinessAccountId), channel.BusinessAccountId, BusinessAccount(input), v => channel.BusinessAccountId = v);
        Set(nameof(Channel.ReadReceipts), channel.ReadReceipts, input.ReadReceipts, v => channel.ReadReceipts = v);
        return changes;
    }

    /// <summary>Only Instagram channels can use Instagram Login.</summary>
    private static LoginType LoginOf(ChannelDraft input) => ChannelSetup.UsesInstagramLogin(input.Kind, input.LoginType) ? LoginType.Instagram : LoginType.Facebook;

    /// <summary>Only WhatsApp channels have a business account; blank means none.</summary>
    private static string? BusinessAccount(ChannelDraft input) =>
        input.Kind == ChannelKind.WhatsApp && !string.IsNullOrWhiteSpace(input.BusinessAccountId) ? input.BusinessAccountId.Trim() : null;

    private static ChannelDraft Trimmed(ChannelDraft draft) => new()
    {
        Key = draft.Key?.Trim() ?? "",
        Kind = draft.Kind,
        Name = draft.Name?.Trim() ?? "",
        ExternalId = draft.ExternalId?.Trim() ?? "",
        AccessToken = draft.AccessToken,
        ChannelSecret = draft.ChannelSecret,
        HumanAgentApproved = draft.HumanAgentApproved,
        LoginType = draft.LoginType,
        BusinessAccountId = draft.BusinessAccountId,
        ReadReceipts = draft.ReadReceipts,
    };
}
