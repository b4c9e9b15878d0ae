using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Channels.Line;

/// <summary>
/// Keeps each LINE channel's monthly push allowance in its row (<see cref="Channel.LineQuotaLimit"/>,
/// <see cref="Channel.LineQuotaUsed"/>), so the reply policy and the composer can say what is left without
/// calling LINE: fetched when older than <see cref="OutboundOptions.LineQuotaMaxAge"/>, counted up after each push.
/// </summary>
public sealed class LineQuotaService(
    IDbContextFactory<InboxDbContext> contexts,
    IHttpClientFactory clients,
    IOptions<LineOptions> line,
    IOptions<OutboundOptions> outbound,
    TimeProvider time,
    ILogger<LineQuotaService> logger)
{
    private readonly ConcurrentDictionary<int, DateTime> lastTried = new();

    /// <summary>Fetches the quota of every live LINE channel whose cached figures are stale; returns how many were refreshed.</summary>
    public async Task<int> RefreshStaleAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var staleBefore = now - outbound.Value.LineQuotaMaxAge;
        List<int> stale;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            stale = await db.Channels
                .Where(c => c.Kind == ChannelKind.Line && !c.Simulated && c.AuthError == null && c.AccessToken != null)
                .Where(c => c.LineQuotaCheckedAt == null || c.LineQuotaCheckedAt < staleBefore)
                .Select(c => c.Id).ToListAsync(cancellationToken);
        }

        var refreshed = 0;
        foreach (var id in stale.Where(id => !lastTried.TryGetValue(id, out var at) || at < staleBefore))
        {
            // A failing quota endpoint is asked again after the same interval, not on every pass.
            lastTried[id] = now;
            refreshed += await RefreshAsync(id, cancellationToken) ? 1 : 0;
        }

        return refreshed;
    }

    /// <summary>Fetches one channel's quota (<c>GET /v2/bot/message/quota</c> and <c>/quota/consumption</c>) into its row; false when LINE did not answer.</summary>
    public async Task<bool> RefreshAsync(int channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.SingleAsync(c => c.Id == channelId, cancellationToken);
        var quota = await GetAsync(channel, "/v2/bot/message/quota", cancellationToken);
        var consumption = quota is null ? null : await GetAsync(channel, "/v2/bot/message/quota/consumption", cancellationToken);
        if (quota is null || consumption is null)
        {
            return false;
        }

        // type "none": no monthly limit is set, so the limit stays null and pushes are never refused for quota.
        channel.LineQuotaLimit = JsonBodies.Text(quota["type"]) == "limited" ? JsonBodies.Int(quota["value"]) : null;
        channel.LineQuotaUsed = JsonBodies.Int(consumption["totalUsage"]);
        channel.LineQuotaCheckedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Counts one accepted push against the cached allowance, inside the caller's transaction.</summary>
    public static Task<int> CountPushAsync(InboxDbContext db, int channelId, CancellationToken cancellationToken) =>
        db.Channels.Where(c => c.Id == channelId && c.LineQuotaUsed != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LineQuotaUsed, c => c.LineQuotaUsed + 1), cancellationToken);

    private async Task<JsonNode?> GetAsync(Channel channel, string path, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(outbound.Value.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, line.Value.ApiBaseUrl.TrimEnd('/') + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", channel.AccessToken);
        try
        {
            using var response = await clients.CreateClient(PlatformClient.HttpClientName).SendAsync(request, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            if (response.IsSuccessStatusCode)
            {
                return JsonBodies.Parse(body);
            }

            logger.LogWarning("LINE quota for {Channel}: HTTP {Status} {Body}", channel.Key, (int)response.StatusCode, body);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "LINE quota for {Channel} could not be fetched", channel.Key);
        }

        return null;
    }
}
