using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>
/// WhatsApp statuses carry Meta's <c>pricing</c> (docs/platform-rules.md §6): stored on the message and preferred by the
/// cost report to inference; status values Inbox does not know are kept raw and never move a message.
/// </summary>
public sealed class WhatsAppPricingWebhookTests : WebhookTestBase
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public async Task Post_StatusWithFreeCustomerServicePricing_StoredAndTheReportCountsItFree()
    {
        var ours = await OurSentMessageAsync("wamid.FREE1");
        await Webhooks.MetaRawAsync(Status("wamid.FREE1", "sent", Pricing(false, "service", "free_customer_service")));
        await Webhooks.MetaRawAsync(Status("wamid.FREE1", "delivered", Pricing(false, "service", "free_customer_service")));
        await ProcessAsync();

        var message = await MessageAsync(ours);
        Assert.Equal(("service", "free_customer_service", (bool?)false, "delivered"), (message.PricingCategory, message.PricingType, message.Billable, message.PlatformStatus));
        var row = Assert.Single(await WhatsAppReportAsync());
        // Inference alone would bill a service reply in 2026-10 or later; Meta said it is free.
        Assert.Equal((1, 0, 1), (row.Service, row.Billable, row.FromMeta));
    }

    [Fact]
    public async Task Post_PricingAfterTheMessageWasCounted_ReportFollowsMetasCategory()
    {
        var ours = await OurSentMessageAsync("wamid.LATE1", ReplyType.Template);
        await Webhooks.MetaRawAsync(Status("wamid.LATE1", "delivered", pricing: null));
        await ProcessAsync();
        var before = Assert.Single(await WhatsAppReportAsync());
        Assert.Equal((1, 0, 0), (before.OtherTemplates, before.Utility, before.FromMeta));

        await Webhooks.MetaRawAsync(Status("wamid.LATE1", "read", Pricing(true, "utility", "regular")));
        await ProcessAsync();

        var after = Assert.Single(await WhatsAppReportAsync());
        Assert.Equal((0, 1, 1, 1), (after.OtherTemplates, after.Utility, after.Billable, after.FromMeta));
        Assert.Equal(DeliveryStatus.Read, (await MessageAsync(ours)).Status);
    }

    [Fact]
    public async Task Post_UnknownStatusValue_StoredRawAndNeverMovesTheMessage()
    {
        var ours = await OurSentMessageAsync("wamid.VOICE1");
        await Webhooks.MetaRawAsync(Status("wamid.VOICE1", "read", pricing: null));
        await Webhooks.MetaRawAsync(Status("wamid.VOICE1", "played", pricing: null));
        await ProcessAsync();

        var message = await MessageAsync(ours);
        Assert.Equal((DeliveryStatus.Read, "played"), (message.Status, message.PlatformStatus));
        Assert.Equal(0, await FailedDeliveriesAsync());
    }

    private static string Pricing(bool billable, string category, string type) =>
        $$$""","pricing":{"billable":{{{(billable ? "true" : "false")}}},"pricing_model":"PMP","category":"{{{category}}}","type":"{{{type}}}"}""";

    private static string Status(string wamid, string status, string? pricing) => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"WABA-1","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"{{{PhoneNumberId}}}"},
          "statuses":[{"id":"{{{wamid}}}","status":"{{{status}}}","timestamp":"{{{Seconds(Now)}}}","recipient_id":"819012345678"{{{pricing}}}}]}}]}]}
        """;

    private async Task<long> OurSentMessageAsync(string wamid, ReplyType replyType = ReplyType.FreeForm)
    {
        await Webhooks.MetaRawAsync($$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"WABA-1","changes":[{"field":"messages","value":{
              "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"{{{PhoneNumberId}}}"},
              "contacts":[{"profile":{"name":"Aiko"},"wa_id":"819012345678"}],
              "messages":[{"from":"819012345678","id":"wamid.IN-{{{wamid}}}","timestamp":"{{{Seconds(Now.AddHours(-1))}}}","type":"text","text":{"body":"Hi"}}]}}]}]}
            """);
        await ProcessAsync();
        await using var db = App.OpenDb();
        var conversation = await db.Conversations.SingleAsync();
        var message = new Message
        {
            ConversationId = conversation.Id,
            ChannelId = conversation.ChannelId,
            Direction = MessageDirection.Outbound,
            Author = MessageAuthor.Agent,
            Text = "Your parcel left today",
            SentAt = Now,
            CreatedAt = Now,
            ReplyType = replyType,
            TemplateName = replyType == ReplyType.Template ? "unregistered_update" : null,
            TemplateLanguage = replyType == ReplyType.Template ? "en_US" : null,
            Status = DeliveryStatus.Sent,
            PlatformMessageId = wamid,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<Message> MessageAsync(long id)
    {
        await using var db = App.OpenDb();
        return await db.Messages.SingleAsync(m => m.Id == id);
    }

    private async Task<int> FailedDeliveriesAsync()
    {
        await using var db = App.OpenDb();
        return await db.WebhookDeliveries.CountAsync(d => d.State == Core.Channels.Inbound.WebhookDeliveryState.Failed);
    }

    private Task<IReadOnlyList<WhatsAppSendsRow>> WhatsAppReportAsync() =>
        App.Services.GetRequiredService<CostReport>().WhatsAppAsync(new ReportFilter(Now.AddDays(-1), Now.AddDays(1)));
}
