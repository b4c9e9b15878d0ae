using Inbox.Core.Audit;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Media;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Channels.Meta;

/// <summary>
/// Keeps Instagram Login tokens alive (docs/platform-rules.md §4b): a token due by <see cref="InstagramTokenRules.IsRefreshDue"/>
/// is renewed with <c>GET {instagram}/refresh_access_token?grant_type=ig_refresh_token&amp;access_token=…</c>, and the new
/// token and its expiry are stored (encrypted, like every channel secret). Each refresh is claimed on the channel's row
/// first, so runs that overlap never refresh one token twice; a failed refresh is tried again after
/// <see cref="RetryAfter"/>. A token Meta refuses (code 190) puts the channel on its token alert.
/// </summary>
public sealed class InstagramTokenRefresher(
    IDbContextFactory<InboxDbContext> contexts,
    IHttpClientFactory clients,
    IOptions<MetaOptions> meta,
    IOptions<OutboundOptions> outbound,
    AuditLog audit,
    TimeProvider time,
    ILogger<InstagramTokenRefresher> logger)
{
    /// <summary>How long a claimed refresh keeps others off the token: a failed one is tried again after this.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromHours(6);

    /// <summary>Refreshes every due Instagram Login token; returns how many were renewed.</summary>
    public async Task<int> RefreshDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimable = now - RetryAfter;
        List<(int Id, DateTime? IssuedAt, DateTime? ExpiresAt)> candidates;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            candidates = (await db.Channels.AsNoTracking()
                    .Where(c => c.Kind == ChannelKind.Instagram && c.LoginType == LoginType.Instagram && !c.Simulated && c.AccessToken != null && c.AuthError == null)
                    .Where(c => c.TokenRefreshClaimedAt == null || c.TokenRefreshClaimedAt < claimable)
                    .Select(c => new { c.Id, c.AccessTokenIssuedAt, c.AccessTokenExpiresAt })
                    .ToListAsync(cancellationToken))
                .Select(c => (c.Id, c.AccessTokenIssuedAt, c.AccessTokenExpiresAt)).ToList();
        }

        var refreshed = 0;
        foreach (var (id, issuedAt, expiresAt) in candidates)
        {
            if (InstagramTokenRules.IsRefreshDue(issuedAt, expiresAt, now, meta.Value.InstagramTokenRefreshBefore) && await TryClaimAsync(id, now, cancellationToken))
            {
                refreshed += await RefreshClaimedAsync(id, cancellationToken) ? 1 : 0;
            }
        }

        return refreshed;
    }

    private async Task<bool> TryClaimAsync(int id, DateTime now, CancellationToken cancellationToken)
    {
        var claimable = now - RetryAfter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Channels
            .Where(c => c.Id == id && (c.TokenRefreshClaimedAt == null || c.TokenRefreshClaimedAt < claimable))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TokenRefreshClaimedAt, now), cancellationToken) == 1;
    }

    private async Task<bool> RefreshClaimedAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.SingleAsync(c => c.Id == id, cancellationToken);
        var url = $"{meta.Value.InstagramApiRoot()}/refresh_access_token?grant_type=ig_refresh_token&access_token={Uri.EscapeDataString(channel.AccessToken!)}";
        using var timeout = new CancellationTokenSource(outbound.Value.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        int status;
        string body;
        try
        {
            using var response = await clients.CreateClient(PlatformClient.HttpClientName).GetAsync(url, linked.Token);
            (status, body) = ((int)response.StatusCode, await response.Content.ReadAsStringAsync(linked.Token));
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Instagram token of channel {Channel} could not be refreshed; tried again in {RetryAfter}.", channel.Key, RetryAfter);
            return false;
        }

        var answer = status is >= 200 and < 300 ? JsonBodies.Parse(body) : null;
        var now = time.GetUtcNow().UtcDateTime;
        if (JsonBodies.Text(answer?["access_token"]) is not { Length: > 0 } token)
        {
            var error = PlatformFetchError.FromAnswer(ChannelKind.Instagram, status, body);
            logger.LogWarning("Instagram token of channel {Channel} was not refreshed: HTTP {Status} {Reason}", channel.Key, status, error.Reason);
            if (error.Kind == SendErrorKind.Auth)
            {
                (channel.AuthError, channel.AuthErrorAt) = (channel.AuthError ?? error.Reason, channel.AuthErrorAt ?? now);
                await db.SaveChangesAsync(CancellationToken.None);
            }

            return false;
        }

        // Meta answers {access_token, token_type, expires_in (seconds)}; without expires_in the usual 60 days are assumed.
        var lifetime = answer?["expires_in"] is { } seconds && long.TryParse(seconds.ToString(), out var s) && s > 0 ? TimeSpan.FromSeconds(s) : TimeSpan.FromDays(60);
        (channel.AccessToken, channel.AccessTokenIssuedAt, channel.AccessTokenExpiresAt, channel.TokenRefreshClaimedAt) = (token, now, now + lifetime, null);
        audit.Add(db, "system", "channel.token_refreshed", $"channel {channel.Key}", $"Instagram token refreshed; expires {channel.AccessTokenExpiresAt:yyyy-MM-dd HH:mm} UTC");
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Instagram token of channel {Channel} refreshed; it expires {ExpiresAt:u}.", channel.Key, channel.AccessTokenExpiresAt);
        return true;
    }
}
