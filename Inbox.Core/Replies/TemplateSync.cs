using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Channels.Meta;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Replies;

/// <summary>
/// Mirrors a WhatsApp channel's templates from Meta (<c>GET /{waba-id}/message_templates</c>), so agents pick from what
/// Meta actually approved instead of names typed by hand: on demand from the Templates page, daily as a recurring job,
/// and status by status from the <c>message_template_status_update</c> webhook (docs/platform-rules.md §9). Templates
/// entered by hand are left alone; a synced template Meta no longer lists is kept, marked deleted, so messages that
/// name it still read well.
/// </summary>
public sealed class TemplateSync(
    IDbContextFactory<InboxDbContext> contexts,
    IHttpClientFactory clients,
    IOptions<MetaOptions> meta,
    IOptions<OutboundOptions> outbound,
    AuditLog audit,
    TimeProvider time,
    ILogger<TemplateSync> logger)
{
    /// <summary>Graph pages followed at most (100 templates each); Meta allows far fewer templates per account.</summary>
    private const int MaxPages = 50;

    /// <summary>Syncs every WhatsApp channel that has a business account id and a working token: the daily job.</summary>
    public async Task<IReadOnlyList<TemplateSyncResult>> SyncAllAsync(CancellationToken cancellationToken = default)
    {
        List<int> channels;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            channels = await db.Channels
                .Where(c => c.Kind == ChannelKind.WhatsApp && c.BusinessAccountId != null && c.AccessToken != null && c.AuthError == null && !c.Simulated)
                .Select(c => c.Id).ToListAsync(cancellationToken);
        }

        var results = new List<TemplateSyncResult>();
        foreach (var id in channels)
        {
            results.Add(await SyncAsync(id, "template sync", cancellationToken));
        }

        return results;
    }

    /// <summary>Reads the channel's templates from Meta and brings the registry in line. <paramref name="actor"/> is for the audit log.</summary>
    public async Task<TemplateSyncResult> SyncAsync(int channelId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is not { Kind: ChannelKind.WhatsApp })
        {
            return TemplateSyncResult.Failed(channel?.Key ?? $"{channelId}", new Phrase("Only WhatsApp channels have templates."));
        }

        if (string.IsNullOrWhiteSpace(channel.BusinessAccountId) || string.IsNullOrEmpty(channel.AccessToken))
        {
            return TemplateSyncResult.Failed(channel.Key, new Phrase("Set the channel's WhatsApp Business Account id and access token to sync its templates."));
        }

        var (listed, error) = await FetchAsync(channel, cancellationToken);
        if (listed is null)
        {
            logger.LogWarning("Template sync for {Channel} failed: {Error}", channel.Key, error);
            await db.SaveChangesAsync(cancellationToken);
            return TemplateSyncResult.Failed(channel.Key, error!);
        }

        var result = await ApplyAsync(db, channel, listed, cancellationToken);
        audit.Add(db, actor, "templates.synced", $"channel {channel.Key}", $"{listed.Count} at Meta: {result.Added} added, {result.Updated} changed, {result.Removed} no longer listed");
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Synced {Count} templates for {Channel}: {Added} added, {Updated} changed, {Removed} no longer listed.", listed.Count, channel.Key, result.Added, result.Updated, result.Removed);
        return result;
    }

    /// <summary>Applies a status Meta announced by webhook to the templates of every channel on that business account.</summary>
    public static Task<int> ApplyStatusAsync(
        InboxDbContext db, string businessAccountId, string name, string language, TemplateStatus status, string? reason, CancellationToken cancellationToken) =>
        db.Set<MessageTemplate>()
            .Where(t => t.Name == name && t.Language == language && db.Channels.Any(c => c.Id == t.ChannelId && c.BusinessAccountId == businessAccountId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status).SetProperty(t => t.StatusReason, reason), cancellationToken);

    private async Task<TemplateSyncResult> ApplyAsync(InboxDbContext db, Channel channel, IReadOnlyList<MetaTemplate> listed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.Set<MessageTemplate>().Where(t => t.ChannelId == channel.Id).ToListAsync(cancellationToken);
        var (added, updated, removed) = (0, 0, 0);
        foreach (var source in listed.Where(t => t.Body.Length <= TemplateBody.MaxLength))
        {
            var template = existing.FirstOrDefault(t => t.Name == source.Name && t.Language == source.Language);
            if (template is null)
            {
                template = new MessageTemplate { ChannelId = channel.Id, Name = source.Name, Language = source.Language, Body = "" };
                db.Set<MessageTemplate>().Add(template);
                added++;
            }
            else if (Differs(template, source))
            {
                updated++;
            }

            template.MetaId = source.MetaId;
            template.Category = source.Category;
            template.Status = source.Status;
            template.StatusReason = source.StatusReason;
            template.Body = source.Body;
            template.ParameterCount = TemplateBody.ParameterCount(source.Body);
            template.HeaderText = source.HeaderText;
            template.HeaderParameterCount = source.HeaderText is null ? 0 : TemplateBody.ParameterCount(source.HeaderText);
            template.UrlButtonIndexes = [.. source.UrlButtonIndexes];
            template.SyncedAt = now;
        }

        foreach (var gone in existing.Where(t => t.SyncedAt is not null && t.Status != TemplateStatus.Deleted && !listed.Any(l => l.Name == t.Name && l.Language == t.Language)))
        {
            gone.Status = TemplateStatus.Deleted;
            gone.StatusReason = "No longer listed at Meta.";
            gone.SyncedAt = now;
            removed++;
        }

        return new TemplateSyncResult(channel.Key, added, updated, removed, null);
    }

    private static bool Differs(MessageTemplate template, MetaTemplate source) =>
        template.Status != source.Status || template.StatusReason != source.StatusReason || template.Body != source.Body
        || template.Category != source.Category || template.HeaderText != source.HeaderText || !template.UrlButtonIndexes.SequenceEqual(source.UrlButtonIndexes);

    /// <summary>Every page of the account's templates, or why they could not be read. A refused token is recorded on the channel.</summary>
    private async Task<(IReadOnlyList<MetaTemplate>? Templates, Phrase? Error)> FetchAsync(Channel channel, CancellationToken cancellationToken)
    {
        var templates = new List<MetaTemplate>();
        string? next = $"{meta.Value.GraphApiBaseUrl.TrimEnd('/')}/{Uri.EscapeDataString(channel.BusinessAccountId!)}/message_templates"
            + "?fields=id,name,language,category,status,rejected_reason,components&limit=100";
        for (var page = 0; next is not null && page < MaxPages; page++)
        {
            using var timeout = new CancellationTokenSource(outbound.Value.RequestTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", channel.AccessToken);
            JsonNode? body;
            try
            {
                using var response = await clients.CreateClient(PlatformClient.HttpClientName).SendAsync(request, linked.Token);
                body = JsonBodies.Parse(await response.Content.ReadAsStringAsync(linked.Token));
                if (!response.IsSuccessStatusCode)
                {
                    return (null, Refused(channel, (int)response.StatusCode, body));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return (null, new Phrase("Meta did not answer: {0}", ex.Message));
            }

            var (items, following) = MetaTemplateReader.ReadPage(body);
            templates.AddRange(items);
            next = following;
        }

        return (templates, null);
    }

    /// <summary>Meta's refusal in words; a refused token (Graph code 190) raises the channel's token alert, as a refused send does.</summary>
    private Phrase Refused(Channel channel, int status, JsonNode? body)
    {
        var code = JsonBodies.Int(body?["error"]?["code"]);
        var message = JsonBodies.Text(body?["error"]?["message"]) ?? $"HTTP {status}";
        if (code == 190)
        {
            channel.AuthError = $"Graph 190: {message}";
            channel.AuthErrorAt = time.GetUtcNow().UtcDateTime;
            return new Phrase("Meta refused the access token: {0}", message);
        }

        return code is { } c ? new Phrase("Meta refused ({0}): {1}", c, message) : new Phrase("Meta refused: {0}", message);
    }
}
