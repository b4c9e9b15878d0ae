using System.Net;
using Bunit;
using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Channels.Inbound;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Pages.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>The admin's failed-deliveries page: parked webhooks listed per channel, reprocessed after a fix or discarded, both audited.</summary>
public sealed class FailedDeliveriesTests : WebhookTestBase
{
    private FailedDeliveries Deliveries => App.Services.GetRequiredService<FailedDeliveries>();

    [Fact]
    public async Task Reprocess_AParkedMessengerMessage_IsRecordedOnceAndAudited()
    {
        var id = await ParkedAsync(WebhookSamples.Handled["messenger text"], "Processing threw: database is locked");
        await ProcessAsync();
        Assert.Empty(await MessagesAsync());

        var row = Assert.Single(await Deliveries.ListAsync());
        Assert.Equal((id, WebhookPlatform.Meta, "Processing threw: database is locked"), (row.Id, row.Platform, row.Error));
        Assert.Equal([await ChannelIdAsync("acme-fb")], row.ChannelIds);

        Assert.True(await Deliveries.ReprocessAsync(id, "admin@acme.test"));
        Assert.False(await Deliveries.ReprocessAsync(id, "admin@acme.test"));
        await ProcessAsync();

        Assert.Equal("hi", Assert.Single(await MessagesAsync()).Text);
        Assert.Equal(WebhookDeliveryState.Processed, (await DeliveryAsync(id)).State);
        Assert.Empty(await Deliveries.ListAsync());
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(("admin@acme.test", "webhook.reprocessed", $"webhook delivery {id}"), (entry.Actor, entry.Action, entry.Target));
        Assert.Contains("database is locked", entry.Detail);
    }

    [Fact]
    public async Task Reprocess_AnEventRecordedBeforeItWasParked_IsNotRecordedTwice()
    {
        var id = await PostAsync(WebhookSamples.Handled["line text"]);
        await ProcessAsync();
        await ParkAsync(id, "Publishing failed after the commit");

        await Deliveries.ReprocessAsync(id, "admin@acme.test");
        await ProcessAsync();

        Assert.Single(await MessagesAsync());
        Assert.Equal(WebhookDeliveryState.Processed, (await DeliveryAsync(id)).State);
    }

    [Fact]
    public async Task Discard_AnUnattributableDelivery_IsNeverProcessedAndTheBodyIsNoLongerOffered()
    {
        var id = await PostAsync(WebhookSamples.Unattributable["line message without user"]);
        await ProcessAsync();
        var row = Assert.Single(await Deliveries.ListAsync());
        Assert.Equal([await ChannelIdAsync(LineKey)], row.ChannelIds);
        Assert.StartsWith("Not attributable", row.Error);
        Assert.Contains("\"webhookEventId\":\"e4\"", await Deliveries.BodyAsync(id));

        Assert.True(await Deliveries.DiscardAsync(id, "admin@acme.test"));
        await ProcessAsync();

        Assert.Equal(WebhookDeliveryState.Discarded, (await DeliveryAsync(id)).State);
        Assert.Empty(await Deliveries.ListAsync());
        Assert.Null(await Deliveries.BodyAsync(id));
        Assert.False(await Deliveries.ReprocessAsync(id, "admin@acme.test"));
        Assert.Equal(["webhook.discarded"], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task CountsByChannel_CountEachChannelsParkedDeliveries_AnUnreadableBodyNamesNone()
    {
        await ParkedAsync(WebhookSamples.Handled["messenger text"], "x");
        await ParkedAsync(WebhookSamples.Handled["instagram message"], "x");
        await ParkedAsync(WebhookSamples.Handled["messenger postback"], "x");
        await ParkedAsync(("meta", "{\"object\":"), "The body is not JSON");

        var counts = await Deliveries.CountsByChannelAsync();

        Assert.Equal(new Dictionary<int, int> { [await ChannelIdAsync("acme-fb")] = 2, [await ChannelIdAsync("acme-ig")] = 1 }, counts);
        Assert.Contains(await Deliveries.ListAsync(), r => r.ChannelIds.Count == 0);
    }

    [Fact]
    public async Task Page_ListsTheDeliveryWithItsChannel_AndReprocessEmptiesIt()
    {
        var id = await ParkedAsync(WebhookSamples.Handled["whatsapp text with phone"], "Processing threw: disk full");
        using var scope = App.Services.CreateScope();
        await using var ctx = ComponentContext.Create(scope.ServiceProvider, c => c.AddAuthorization().SetAuthorized("admin@acme.test"));

        var page = ctx.Render<FailedDeliveriesPage>();

        var delivery = page.WaitForElement("[data-testid=delivery]");
        Assert.Equal("Acme WhatsApp", delivery.QuerySelector("[data-testid=delivery-channels]")!.TextContent);
        Assert.Equal("Processing threw: disk full", delivery.QuerySelector("[data-testid=delivery-error]")!.TextContent);
        page.Find("[data-testid=delivery-body-toggle]").Click();
        Assert.Contains("wamid.1", page.WaitForElement("[data-testid=delivery-body]").TextContent);

        page.Find("[data-testid=delivery-reprocess]").Click();

        page.WaitForAssertion(() => Assert.Contains($"Delivery {id} is queued again", page.Find("[data-testid=deliveries-notice]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=delivery]"));
        Assert.Equal("webhook.reprocessed", Assert.Single(await AuditAsync()).Action);
    }

    private async Task<long> PostAsync((string Platform, string Body) sample)
    {
        var response = sample.Platform == "line" ? await Webhooks.LineRawAsync(LineKey, sample.Body, LineSecret) : await Webhooks.MetaRawAsync(sample.Body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = App.OpenDb();
        return await db.WebhookDeliveries.MaxAsync(d => d.Id);
    }

    /// <summary>A delivery as the processor leaves one that threw on every attempt (stored as such, so the background worker never sees it pending).</summary>
    private async Task<long> ParkedAsync((string Platform, string Body) sample, string error)
    {
        await using var db = App.OpenDb();
        var delivery = new WebhookDelivery
        {
            Platform = sample.Platform == "line" ? WebhookPlatform.Line : WebhookPlatform.Meta,
            ChannelId = sample.Platform == "line" ? await ChannelIdAsync(LineKey) : null,
            Body = sample.Body,
            ReceivedAt = DateTime.UtcNow,
            State = WebhookDeliveryState.Failed,
            Attempts = WebhookProcessor.MaxAttempts,
            ProcessedAt = DateTime.UtcNow,
            Error = error,
        };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    /// <summary>What the processor does to a delivery that threw on every attempt.</summary>
    private async Task ParkAsync(long id, string error)
    {
        await using var db = App.OpenDb();
        await db.WebhookDeliveries.Where(d => d.Id == id).ExecuteUpdateAsync(d => d
            .SetProperty(x => x.State, WebhookDeliveryState.Failed)
            .SetProperty(x => x.Attempts, WebhookProcessor.MaxAttempts)
            .SetProperty(x => x.Error, error)
            .SetProperty(x => x.ProcessedAt, DateTime.UtcNow));
    }

    private async Task<WebhookDelivery> DeliveryAsync(long id)
    {
        await using var db = App.OpenDb();
        return await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private async Task<int> ChannelIdAsync(string key)
    {
        await using var db = App.OpenDb();
        return await db.Set<Channel>().Where(c => c.Key == key).Select(c => c.Id).SingleAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = App.OpenDb();
        return await db.Set<AuditEntry>().Where(e => e.Action.StartsWith("webhook.")).OrderBy(e => e.Id).ToListAsync();
    }
}
