using System.Net;
using Inbox.Core.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>Meta's <c>message_template_status_update</c>: stored like any delivery, then applied to the template on that business account.</summary>
public sealed class TemplateStatusWebhookTests : WebhookTestBase
{
    [Fact]
    public async Task Post_TemplatePausedThenApproved_TheTemplateFollowsAndARedeliveryChangesNothing()
    {
        await RegisterAsync("order_update", "en_US");
        await RegisterAsync("order_update", "pt_BR");

        var paused = StatusUpdate("PAUSED", "order_update", "en_US", "Your template has been paused due to low quality.");
        Assert.Equal(HttpStatusCode.OK, (await Webhooks.MetaRawAsync(paused)).StatusCode);
        await ProcessAsync();

        Assert.Equal(
            [("en_US", TemplateStatus.Paused, "Your template has been paused due to low quality."), ("pt_BR", TemplateStatus.Approved, null)],
            await StatusesAsync());

        await Webhooks.MetaRawAsync(StatusUpdate("APPROVED", "order_update", "en_US", "NONE"));
        await Webhooks.MetaRawAsync(StatusUpdate("APPROVED", "order_update", "en_US", "NONE"));
        await ProcessAsync();

        Assert.Equal([("en_US", TemplateStatus.Approved, null), ("pt_BR", TemplateStatus.Approved, null)], await StatusesAsync());
        await using var db = App.OpenDb();
        Assert.Equal(3, await db.WebhookDeliveries.CountAsync(d => d.ProcessedAt != null));
    }

    [Fact]
    public async Task Post_StatusForAnAccountNoChannelNames_IsAcknowledgedAndNotStored()
    {
        await RegisterAsync("order_update", "en_US");

        var response = await Webhooks.MetaRawAsync(StatusUpdate("DISABLED", "order_update", "en_US", "NONE", account: "9999"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = App.OpenDb();
        Assert.Equal(0, await db.WebhookDeliveries.CountAsync());
        Assert.Equal(TemplateStatus.Approved, (await StatusesAsync()).Single().Status);
    }

    private static string StatusUpdate(string status, string name, string language, string reason, string account = BusinessAccountId) => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"{{{account}}}","time":1764460800,"changes":[{"field":"message_template_status_update",
          "value":{"event":"{{{status}}}","message_template_id":594425479261596,"message_template_name":"{{{name}}}","message_template_language":"{{{language}}}","reason":"{{{reason}}}"}}]}]}
        """;

    private async Task RegisterAsync(string name, string language)
    {
        await using var db = App.OpenDb();
        var channel = await db.Channels.SingleAsync(c => c.Key == "acme-wa");
        var result = await App.Services.GetRequiredService<TemplateRegistry>().CreateAsync(
            new TemplateDraft { ChannelId = channel.Id, Name = name, Language = language, Category = TemplateCategory.Utility, Body = "Your order {{1}} was updated." }, "admin@acme.test");
        Assert.True(result.Succeeded);
    }

    private async Task<List<(string Language, TemplateStatus Status, string? Reason)>> StatusesAsync()
    {
        await using var db = App.OpenDb();
        return [.. (await db.Set<MessageTemplate>().OrderBy(t => t.Language).ToListAsync()).Select(t => (t.Language, t.Status, t.StatusReason))];
    }
}
