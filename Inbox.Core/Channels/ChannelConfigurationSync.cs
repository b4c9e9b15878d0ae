using Inbox.Core.Audit;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Channels;

/// <summary>Upserts the channels declared in <c>Inbox:Channels</c> by key at start-up; channels added by admins are left alone.</summary>
public sealed class ChannelConfigurationSync(
    IDbContextFactory<InboxDbContext> contexts, IOptions<ChannelOptions> options, TimeProvider time, AuditLog audit, ILogger<ChannelConfigurationSync> logger)
{
    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.Channels.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = options.Value.Channels.Select(c => c.Key).ToList();
        var existing = await db.Channels.Where(c => keys.Contains(c.Key)).ToDictionaryAsync(c => c.Key, cancellationToken);
        foreach (var declared in options.Value.Channels)
        {
            if (!existing.TryGetValue(declared.Key, out var channel))
            {
                channel = new Channel { Key = declared.Key, Name = declared.Name, ExternalId = declared.ExternalId, CreatedAt = time.GetUtcNow().UtcDateTime };
                db.Channels.Add(channel);
            }

            channel.Kind = declared.Kind;
            channel.Name = declared.Name;
            channel.ExternalId = declared.ExternalId;
            ApplyDeclaredToken(channel, declared.AccessToken);
            channel.ChannelSecret = string.IsNullOrEmpty(declared.ChannelSecret) ? channel.ChannelSecret : declared.ChannelSecret;
            channel.HumanAgentApproved = declared.HumanAgentApproved;
            channel.LoginType = ChannelSetup.UsesInstagramLogin(declared.Kind, declared.LoginType) ? LoginType.Instagram : LoginType.Facebook;
            channel.BusinessAccountId = declared.Kind == ChannelKind.WhatsApp && !string.IsNullOrWhiteSpace(declared.BusinessAccountId) ? declared.BusinessAccountId.Trim() : null;
            channel.ReadReceipts = declared.ReadReceipts;
            channel.Simulated = false;
            channel.FromConfiguration = true;
        }

        foreach (var entry in db.ChangeTracker.Entries<Channel>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            var modified = entry.Properties.Where(p => p.IsModified && !Bookkeeping.Contains(p.Metadata.Name)).ToList();
            if (entry.State == EntityState.Modified && modified.Count == 0)
            {
                continue;
            }

            var changed = entry.State == EntityState.Added ? "added" : string.Join(", ", modified.Select(p => p.Metadata.Name switch
            {
                nameof(Channel.AccessToken) => "access token replaced",
                nameof(Channel.ChannelSecret) => "channel secret replaced",
                var name => name + " changed",
            }));
            audit.Add(db, "configuration", entry.State == EntityState.Added ? "channel.created" : "channel.updated", $"channel {entry.Entity.Key}", changed);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Channels from configuration: {Keys}", string.Join(", ", keys));
    }

    /// <summary>Columns that follow a token change and say nothing new in the audit log.</summary>
    private static readonly HashSet<string> Bookkeeping =
        [nameof(Channel.DeclaredTokenHash), nameof(Channel.AccessTokenIssuedAt), nameof(Channel.AccessTokenExpiresAt), nameof(Channel.TokenRefreshClaimedAt)];

    /// <summary>
    /// Applies the declared token only when the declaration changed: a token Inbox refreshed since (Instagram Login) is
    /// kept across restarts while the configuration still names the one it replaced.
    /// </summary>
    private void ApplyDeclaredToken(Channel channel, string? declared)
    {
        if (string.IsNullOrEmpty(declared))
        {
            return;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(declared)));
        if (hash == channel.DeclaredTokenHash)
        {
            return;
        }

        channel.DeclaredTokenHash = hash;
        if (channel.AccessToken != declared)
        {
            channel.AccessToken = declared;
            (channel.AccessTokenIssuedAt, channel.AccessTokenExpiresAt, channel.TokenRefreshClaimedAt) = (time.GetUtcNow().UtcDateTime, null, null);
        }
    }
}
