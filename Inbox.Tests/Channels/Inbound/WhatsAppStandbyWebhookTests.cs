using Inbox.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>
/// Meta's Business AI agent on WhatsApp (docs/platform-rules.md §4): the customer's messages and the agent's replies
/// on the <c>standby</c> field are kept in the conversation, silence automations, and <c>messaging_handovers</c> and the
/// field the newest customer message came on say who holds the conversation.
/// </summary>
public sealed class WhatsAppStandbyWebhookTests : WebhookTestBase
{
    private const string Phone = "819012345678";
    private static readonly DateTime Asked = DateTime.UtcNow.AddMinutes(-10);

    [Fact]
    public async Task Post_StandbyCustomerMessageAndAgentEcho_BothStoredTheAgentsMarkedAndAutomationsSilenced()
    {
        await Webhooks.MetaRawAsync(Standby($$$"""
            "contacts":[{"profile":{"name":"Aiko"},"wa_id":"{{{Phone}}}"}],
            "messages":[{"from":"{{{Phone}}}","id":"wamid.ASK1","timestamp":"{{{Seconds(Asked)}}}","type":"text","text":{"body":"Do you ship to Osaka?"}}]
            """));
        await Webhooks.MetaRawAsync(Standby($$$"""
            "message_echoes":[{"from":"15550001111","to":"{{{Phone}}}","id":"wamid.AI1","timestamp":"{{{Seconds(Asked.AddSeconds(5))}}}","type":"text","text":{"body":"Yes, we ship to Osaka in 2 days."}}]
            """));
        await ProcessAsync();

        var conversation = await SingleConversationAsync();
        var messages = (await MessagesAsync()).OrderBy(m => m.SentAt).ToList();
        Assert.Equal(
            [("Do you ship to Osaka?", MessageAuthor.Customer, true), ("Yes, we ship to Osaka in 2 days.", MessageAuthor.MetaAgent, true)],
            messages.Select(m => (m.Text, m.Author, m.Standby)));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Seconds(Asked)).UtcDateTime, conversation.LastInboundAt);
        Assert.True(conversation.MetaAgentActive);

        // Every automation (away message, reminders, auto-assignment) stays silent for a standby message.
        Assert.True(Assert.Single(Received.All).Standby);
        Assert.Null(conversation.AssigneeId);
    }

    [Fact]
    public async Task Post_Handovers_ControlPassedHandsItToTheInboxAndControlTakenBack()
    {
        await Webhooks.MetaRawAsync(Standby($$$"""
            "contacts":[{"profile":{"name":"Aiko"},"wa_id":"{{{Phone}}}"}],
            "messages":[{"from":"{{{Phone}}}","id":"wamid.ASK2","timestamp":"{{{Seconds(Asked)}}}","type":"text","text":{"body":"I want a person please"}}]
            """));
        await ProcessAsync();
        Assert.True((await SingleConversationAsync()).MetaAgentActive);

        await Webhooks.MetaRawAsync(Handover("control_passed"));
        await ProcessAsync();
        Assert.False((await SingleConversationAsync()).MetaAgentActive);

        await Webhooks.MetaRawAsync(Handover("control_taken"));
        await ProcessAsync();
        Assert.True((await SingleConversationAsync()).MetaAgentActive);
    }

    [Fact]
    public async Task Post_CustomerMessageOnMessagesFieldAfterStandby_InboxHoldsItAgainAndAutomationsRun()
    {
        await Webhooks.MetaRawAsync(Standby($$$"""
            "contacts":[{"profile":{"name":"Aiko"},"wa_id":"{{{Phone}}}"}],
            "messages":[{"from":"{{{Phone}}}","id":"wamid.ASK3","timestamp":"{{{Seconds(Asked)}}}","type":"text","text":{"body":"Hello?"}}]
            """));
        await Webhooks.MetaRawAsync(Messages($$$"""
            "contacts":[{"profile":{"name":"Aiko"},"wa_id":"{{{Phone}}}"}],
            "messages":[{"from":"{{{Phone}}}","id":"wamid.ASK4","timestamp":"{{{Seconds(Asked.AddMinutes(1))}}}","type":"text","text":{"body":"Thanks, and my order?"}}]
            """));
        await ProcessAsync();

        Assert.False((await SingleConversationAsync()).MetaAgentActive);
        Assert.Equal([true, false], Received.All.Select(e => e.Standby));
    }

    private static string Standby(string value) => Change("standby", value);

    private static string Messages(string value) => Change("messages", value);

    private static string Handover(string type) => Change("messaging_handovers", $$$"""
        "type":"{{{type}}}","timestamp":"{{{Seconds(DateTime.UtcNow)}}}","sender":{"phone_number":"{{{Phone}}}"},
        "{{{type}}}":{"previous_owner":"{{{(type == "control_passed" ? "meta_business_agent" : "app")}}}","current_owner":"{{{(type == "control_passed" ? "app" : "meta_business_agent")}}}"}
        """);

    private static string Change(string field, string value) => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"WABA-1","changes":[{"field":"{{{field}}}","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"{{{PhoneNumberId}}}"},
          {{{value}}}}}]}]}
        """;
}
