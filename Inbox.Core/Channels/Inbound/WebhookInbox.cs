using System.Text;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// The front door for webhook POSTs: verify the signature over the raw bytes, check the envelope and the addressee,
/// store the body, and only then let the platform have its 200. Turning it into conversations happens afterwards,
/// in <see cref="WebhookProcessor"/>, from the stored copy.
/// </summary>
public sealed class WebhookInbox(
    WebhookAddressBook addresses, WebhookStore store, IOptions<MetaOptions> meta, TimeProvider time, WebhookSignal signal, ILogger<WebhookInbox> logger)
{
    public async Task<WebhookAcceptance> AcceptMetaAsync(ReadOnlyMemory<byte> body, string? signature, CancellationToken cancellationToken = default)
    {
        var settings = meta.Value;
        if (string.IsNullOrEmpty(settings.AppSecret) && string.IsNullOrEmpty(settings.InstagramAppSecret))
        {
            logger.LogWarning("Refused a Meta webhook: Meta:AppSecret is not configured, so its signature cannot be checked.");
            return new(WebhookOutcome.Unauthorized, "Meta:AppSecret is not configured; webhooks cannot be verified.");
        }

        // Instagram Login channels' webhooks are signed with the Instagram app secret, all others with the Meta app's.
        var byApp = MetaSignature.IsValid(body.Span, signature, settings.AppSecret);
        var byInstagram = MetaSignature.IsValid(body.Span, signature, settings.InstagramAppSecret);
        if (!byApp && !byInstagram)
        {
            logger.LogWarning("Refused a Meta webhook with a missing or wrong X-Hub-Signature-256 ({Bytes} bytes).", body.Length);
            return new(WebhookOutcome.Unauthorized, "X-Hub-Signature-256 is missing or does not match the body.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        MetaWebhook webhook;
        try
        {
            webhook = MetaWebhookParser.Parse(body, now);
        }
        catch (WebhookFormatException ex)
        {
            logger.LogWarning("Refused a malformed Meta webhook: {Reason}", ex.Message);
            return new(WebhookOutcome.Malformed, ex.Message);
        }

        foreach (var unaddressed in webhook.Unaddressed)
        {
            logger.LogInformation("Acknowledged and ignored a Meta webhook event: {What}.", unaddressed);
        }

        if (webhook.Entries.Count == 0)
        {
            return new(WebhookOutcome.Accepted, "Nothing for the inbox in this delivery.");
        }

        if (!(byApp && byInstagram) && await WrongSecretAsync(webhook, byInstagram, cancellationToken) is { } misaddressed)
        {
            logger.LogWarning("Refused a Meta webhook for {Account}: it is signed with the {Secret} secret, which does not sign that account's webhooks.",
                misaddressed, byInstagram ? "Instagram app" : "Meta app");
            return new(WebhookOutcome.Unauthorized, "X-Hub-Signature-256 is missing or does not match the body.");
        }

        var routes = await addresses.MetaAsync(AddressLookup.Cached, cancellationToken);
        if (webhook.Entries.Any(e => !routes.ContainsKey((e.Kind, e.ExternalId))))
        {
            routes = await addresses.MetaAsync(AddressLookup.AfterMiss, cancellationToken);
        }

        foreach (var entry in webhook.Entries.Where(e => e.ForAccount && !routes.ContainsKey((e.Kind, e.ExternalId))))
        {
            logger.LogInformation("Acknowledged and ignored a Meta webhook for business account {Account}: no channel names it.", entry.ExternalId);
        }

        var unknown = webhook.Entries.Where(e => !e.ForAccount && !routes.ContainsKey((e.Kind, e.ExternalId))).ToList();
        if (unknown.Count == 0 && !webhook.Entries.Any(e => routes.ContainsKey((e.Kind, e.ExternalId))))
        {
            // Only account updates for accounts no channel names: acknowledged, nothing to store.
            return new(WebhookOutcome.Accepted, "Nothing for the inbox in this delivery.");
        }

        foreach (var entry in unknown)
        {
            logger.LogWarning("Meta webhook for an unknown {Kind} account {ExternalId}: no channel has that id.", entry.Kind, entry.ExternalId);
        }

        if (unknown.Count == webhook.Entries.Count)
        {
            var names = string.Join(", ", unknown.Select(e => $"{e.Kind} {e.ExternalId}").Distinct());
            return new(WebhookOutcome.UnknownChannel, $"No channel is connected for {names}.");
        }

        return await StoreAsync(WebhookPlatform.Meta, null, body, now);
    }

    /// <summary>
    /// The first entry the signature does not cover, or null: an Instagram Login channel's account needs the Instagram app
    /// secret, every other account the Meta app secret. A miss reads the channels again (one may have just changed).
    /// </summary>
    private async Task<string?> WrongSecretAsync(MetaWebhook webhook, bool byInstagram, CancellationToken cancellationToken)
    {
        string? Misaddressed(IReadOnlySet<string> instagramLogin) => webhook.Entries
            .Where(e => (e.Kind == ChannelKind.Instagram && instagramLogin.Contains(e.ExternalId)) != byInstagram)
            .Select(e => $"{e.Kind} {e.ExternalId}").FirstOrDefault();

        return Misaddressed(await addresses.InstagramLoginAsync(AddressLookup.Cached, cancellationToken)) is null
            ? null
            : Misaddressed(await addresses.InstagramLoginAsync(AddressLookup.AfterMiss, cancellationToken));
    }

    private const string LineSignatureRefused = "x-line-signature is missing or does not match the body.";

    public async Task<WebhookAcceptance> AcceptLineAsync(string channelKey, ReadOnlyMemory<byte> body, string? signature, CancellationToken cancellationToken = default)
    {
        var channel = await addresses.LineAsync(channelKey, AddressLookup.Cached, cancellationToken);
        if (channel is null || !LineSignature.IsValid(body.Span, signature, channel.ChannelSecret))
        {
            // Not known, or signed with another secret: perhaps the channel was added or re-keyed on another instance.
            channel = await addresses.LineAsync(channelKey, AddressLookup.AfterMiss, cancellationToken);
        }

        // An unknown key answers exactly as a bad signature does, so the answer never tells which keys exist.
        if (channel is null || !LineSignature.IsValid(body.Span, signature, channel.ChannelSecret))
        {
            logger.LogWarning(channel is null
                    ? "Refused a LINE webhook for unknown channel key {Key}."
                    : "Refused a LINE webhook for {Key} with a missing or wrong x-line-signature.",
                channelKey);
            return new(WebhookOutcome.Unauthorized, LineSignatureRefused);
        }

        var now = time.GetUtcNow().UtcDateTime;
        IReadOnlyList<InboundItem> items;
        try
        {
            items = LineWebhookParser.Parse(body, now);
        }
        catch (WebhookFormatException ex)
        {
            logger.LogWarning("Refused a malformed LINE webhook for {Key}: {Reason}", channelKey, ex.Message);
            return new(WebhookOutcome.Malformed, ex.Message);
        }

        // LINE's "Verify" button posts an empty event list: answer it, store nothing.
        return items.Count == 0
            ? new(WebhookOutcome.Accepted, "No events.")
            : await StoreAsync(WebhookPlatform.Line, channel.ChannelId, body, now);
    }

    private async Task<WebhookAcceptance> StoreAsync(WebhookPlatform platform, int? channelId, ReadOnlyMemory<byte> body, DateTime now)
    {
        var id = await store.StoreAsync(new WebhookDelivery
        {
            Platform = platform,
            ChannelId = channelId,
            ReceivedAt = now,
            Body = Encoding.UTF8.GetString(body.Span),
            State = WebhookDeliveryState.Pending,
        });
        signal.Notify();
        return new(WebhookOutcome.Accepted, "Stored.", id);
    }
}
