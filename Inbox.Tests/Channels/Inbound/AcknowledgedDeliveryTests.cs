using System.Net;
using Inbox.Core.Channels.Inbound;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>Every sample body posted to the running app: acknowledged, then either processed or parked with its reason; none left behind.</summary>
public sealed class AcknowledgedDeliveryTests : WebhookTestBase
{
    [Fact]
    public async Task Process_EverySample_HandledOnesProcessedBrokenOnesParkedWithTheirReason()
    {
        var posted = new List<(string Name, long Id, bool Broken)>();
        foreach (var (samples, broken) in new[] { (WebhookSamples.Handled, false), (WebhookSamples.Unattributable, true) })
        {
            foreach (var (name, (platform, body)) in samples)
            {
                var response = platform == "line" ? await Webhooks.LineRawAsync(LineKey, body, LineSecret) : await Webhooks.MetaRawAsync(body);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                await using var db = App.OpenDb();
                posted.Add((name, await db.WebhookDeliveries.MaxAsync(d => d.Id), broken));
            }
        }

        await ProcessAsync();

        await using var check = App.OpenDb();
        var states = await check.WebhookDeliveries.ToDictionaryAsync(d => d.Id);
        Assert.Equal(posted.Count, states.Count);
        Assert.All(posted, p => Assert.True(
            states[p.Id].State == (p.Broken ? WebhookDeliveryState.Failed : WebhookDeliveryState.Processed) && (states[p.Id].Error is not null) == p.Broken,
            $"{p.Name}: {states[p.Id].State} {states[p.Id].Error}"));
        Assert.Equal(WebhookSamples.Unattributable.Count, Logs.Messages.Count(m => m.Contains("parked as failed", StringComparison.Ordinal)));
    }
}
