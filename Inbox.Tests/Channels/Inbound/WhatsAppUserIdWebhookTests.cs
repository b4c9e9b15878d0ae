using Inbox.Core.Channels.Inbound;
using Inbox.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>
/// WhatsApp usernames and business-scoped user ids (BSUIDs, docs/platform-rules.md §4): a customer who hides their number
/// is known only by <c>from_user_id</c>, and must still reach the inbox, once, in the conversation they already have.
/// </summary>
public sealed class WhatsAppUserIdWebhookTests : WebhookTestBase
{
    private const string Bsuid = "BR.1502576394655843";
    private const string NewBsuid = "BR.9902576394655999";
    private const string Phone = "5511987654321";
    private static readonly DateTime HourAgo = DateTime.UtcNow.AddHours(-1);

    [Fact]
    public async Task Post_MessageWithUserIdOnly_StartsConversationUnderTheBsuidWithTheUsername()
    {
        var body = Message("wamid.U1", "Oi! Is my order on its way?", contact: $$$"""{"profile":{"name":"Bruna","username":"bruna.s"},"user_id":"{{{Bsuid}}}"}""", fromUserId: Bsuid);
        await Webhooks.MetaRawAsync(body);
        await Webhooks.MetaRawAsync(body);
        await ProcessAsync();

        var conversation = await SingleConversationAsync();
        var contact = conversation.Contact!;
        Assert.Equal((Bsuid, (string?)null, "Bruna", "bruna.s"), (contact.ExternalId, contact.Phone, contact.Name, contact.Username));
        Assert.Equal("Oi! Is my order on its way?", Assert.Single(await MessagesAsync()).Text);
        Assert.Single(Received.All);
    }

    [Fact]
    public async Task Post_MessageWithUsernameButNoName_NamesTheContactByTheUsername()
    {
        await Webhooks.MetaRawAsync(Message("wamid.U2", "Hi", contact: $$$"""{"profile":{"username":"bruna.s"},"user_id":"{{{Bsuid}}}"}""", fromUserId: Bsuid));
        await ProcessAsync();

        Assert.Equal("@bruna.s", (await SingleConversationAsync()).Contact!.Name);
    }

    [Fact]
    public async Task Post_MessageWithBothIds_KeysByBsuidAndKeepsPhoneAndParent()
    {
        await Webhooks.MetaRawAsync(Message("wamid.B1", "Hello",
            contact: $$$"""{"profile":{"name":"Bruna"},"wa_id":"{{{Phone}}}","user_id":"{{{Bsuid}}}","parent_user_id":"BR.P.77"}""", from: Phone, fromUserId: Bsuid));
        await ProcessAsync();

        var contact = (await SingleConversationAsync()).Contact!;
        Assert.Equal((Bsuid, Phone, "BR.P.77"), (contact.ExternalId, contact.Phone, contact.ParentUserId));
    }

    [Fact]
    public async Task Post_PhoneOnlyContactThenBothThenBsuidOnly_AllLandInOneConversation()
    {
        await Webhooks.MetaRawAsync(Message("wamid.P1", "first", contact: $$$"""{"profile":{"name":"Bruna"},"wa_id":"{{{Phone}}}"}""", from: Phone));
        await ProcessAsync();
        await Webhooks.MetaRawAsync(Message("wamid.P2", "second", contact: $$$"""{"profile":{"name":"Bruna"},"wa_id":"{{{Phone}}}","user_id":"{{{Bsuid}}}"}""", from: Phone, fromUserId: Bsuid));
        await ProcessAsync();
        await Webhooks.MetaRawAsync(Message("wamid.P3", "third", contact: $$$"""{"profile":{"name":"Bruna","username":"bruna.s"},"user_id":"{{{Bsuid}}}"}""", fromUserId: Bsuid));
        await ProcessAsync();

        var conversation = await SingleConversationAsync();
        Assert.Equal((Bsuid, Phone, "bruna.s"), (conversation.Contact!.ExternalId, conversation.Contact.Phone, conversation.Contact.Username));
        Assert.Equal(["first", "second", "third"], (await MessagesAsync()).Select(m => m.Text));
    }

    [Fact]
    public async Task Post_BothIdsAndBsuidOnlyInOneDelivery_OneContactOneConversation()
    {
        await Webhooks.MetaRawAsync(WhatsApp($$$"""
            "contacts":[{"profile":{"name":"Bruna"},"wa_id":"{{{Phone}}}","user_id":"{{{Bsuid}}}"}],
            "messages":[{"from":"{{{Phone}}}","from_user_id":"{{{Bsuid}}}","id":"wamid.M1","timestamp":"{{{Seconds(HourAgo)}}}","type":"text","text":{"body":"one"}},
                        {"from_user_id":"{{{Bsuid}}}","id":"wamid.M2","timestamp":"{{{Seconds(HourAgo)}}}","type":"text","text":{"body":"two"}}]
            """));
        await ProcessAsync();

        var conversation = await SingleConversationAsync();
        Assert.Equal((Bsuid, Phone), (conversation.Contact!.ExternalId, conversation.Contact.Phone));
        Assert.Equal(["one", "two"], (await MessagesAsync()).Select(m => m.Text));
    }

    [Fact]
    public async Task Post_UserIdUpdate_MovesTheContactSoTheNextMessageContinuesTheConversation()
    {
        await Webhooks.MetaRawAsync(Message("wamid.C1", "before", contact: $$$"""{"profile":{"name":"Bruna"},"wa_id":"{{{Phone}}}","user_id":"{{{Bsuid}}}"}""", from: Phone, fromUserId: Bsuid));
        await ProcessAsync();
        await Webhooks.MetaRawAsync(Change("user_id_update", $$$"""
            "user_id_update":[{"user_id":{"previous":"{{{Bsuid}}}","current":"{{{NewBsuid}}}"},"timestamp":"{{{Seconds(DateTime.UtcNow)}}}"}]
            """));
        await ProcessAsync();
        await Webhooks.MetaRawAsync(Message("wamid.C2", "after", contact: $$$"""{"profile":{"name":"Bruna"},"user_id":"{{{NewBsuid}}}"}""", fromUserId: NewBsuid));
        await ProcessAsync();

        var conversation = await SingleConversationAsync();
        Assert.Equal((NewBsuid, (string?)null), (conversation.Contact!.ExternalId, conversation.Contact.Phone));
        Assert.Equal(["before", "after"], (await MessagesAsync()).Select(m => m.Text));
        await using var db = App.OpenDb();
        Assert.Contains(await db.Activities.Select(a => a.Detail).ToListAsync(), d => d!.Contains($"from {Bsuid} to {NewBsuid}"));
    }

    [Fact]
    public async Task Post_SystemMessageUserChangedNumber_MovesTheContactToTheNewNumberAndBsuid()
    {
        await Webhooks.MetaRawAsync(Message("wamid.N1", "before", contact: $$$"""{"profile":{"name":"Bruna"},"wa_id":"{{{Phone}}}","user_id":"{{{Bsuid}}}"}""", from: Phone, fromUserId: Bsuid));
        await ProcessAsync();
        var change = WhatsApp($$$"""
            "messages":[{"from":"{{{Phone}}}","id":"wamid.SYS1","timestamp":"{{{Seconds(DateTime.UtcNow)}}}","type":"system",
              "system":{"body":"User Bruna changed from {{{Phone}}} to 5511900000000","type":"user_changed_number","wa_id":"5511900000000",
                "previous_user_id":"{{{Bsuid}}}","user_id":"{{{NewBsuid}}}"}}]
            """);
        await Webhooks.MetaRawAsync(change);
        await Webhooks.MetaRawAsync(change);
        await ProcessAsync();

        var contact = (await SingleConversationAsync()).Contact!;
        Assert.Equal((NewBsuid, "5511900000000"), (contact.ExternalId, contact.Phone));
        Assert.Equal(["before"], (await MessagesAsync()).Select(m => m.Text));
    }

    [Fact]
    public async Task Post_IdentityChangeForAStranger_IsAcknowledgedAndRecordsNothing()
    {
        await Webhooks.MetaRawAsync(Change("user_id_update", $$$"""
            "user_id_update":[{"user_id":{"previous":"BR.000","current":"BR.111"}}]
            """));
        await ProcessAsync();

        await using var db = App.OpenDb();
        Assert.Empty(await db.Contacts.ToListAsync());
        Assert.Equal(WebhookDeliveryState.Processed, (await db.WebhookDeliveries.SingleAsync()).State);
    }

    [Fact]
    public async Task Post_StatusesWithRecipientUserIdAndAFailureWithoutContacts_MoveOurMessages()
    {
        await Webhooks.MetaRawAsync(Message("wamid.S0", "hi", contact: $$$"""{"profile":{"name":"Bruna"},"user_id":"{{{Bsuid}}}"}""", fromUserId: Bsuid));
        await ProcessAsync();
        var delivered = await OurMessageAsync("wamid.OUT1");
        var failed = await OurMessageAsync("wamid.OUT2");
        await Webhooks.MetaRawAsync(WhatsApp($$$"""
            "contacts":[{"profile":{"name":"Bruna"},"user_id":"{{{Bsuid}}}"}],
            "statuses":[{"id":"wamid.OUT1","status":"delivered","timestamp":"{{{Seconds(DateTime.UtcNow)}}}","recipient_user_id":"{{{Bsuid}}}"}]
            """));
        await Webhooks.MetaRawAsync(WhatsApp($$$"""
            "statuses":[{"id":"wamid.OUT2","status":"failed","timestamp":"{{{Seconds(DateTime.UtcNow)}}}","recipient_user_id":"{{{Bsuid}}}",
              "errors":[{"code":131062,"title":"Business-scoped user ID recipients not supported","message":"Business-scoped user ID recipients not supported"}]}]
            """));
        await ProcessAsync();

        await using var db = App.OpenDb();
        Assert.Equal(DeliveryStatus.Delivered, (await db.Messages.SingleAsync(m => m.Id == delivered)).Status);
        var message = await db.Messages.SingleAsync(m => m.Id == failed);
        Assert.Equal((DeliveryStatus.Failed, SendFailure.RecipientUnavailable, "131062"), (message.Status, message.Failure, message.ErrorCode));
        Assert.Contains("username", message.ErrorMessage);
    }

    [Fact]
    public async Task Post_MessageWithNeitherFromNorFromUserId_ParksTheDeliveryAndWarns()
    {
        await Webhooks.MetaRawAsync(WhatsApp($$$"""
            "messages":[{"id":"wamid.X1","timestamp":"{{{Seconds(HourAgo)}}}","type":"text","text":{"body":"who am I?"}}]
            """));
        await ProcessAsync();

        await using var db = App.OpenDb();
        var delivery = await db.WebhookDeliveries.SingleAsync();
        Assert.Equal(WebhookDeliveryState.Failed, delivery.State);
        Assert.Contains("wamid.X1 without from or from_user_id", delivery.Error);
        Assert.Contains(Logs.Messages, m => m.Contains("parked as failed", StringComparison.Ordinal));
        Assert.Empty(await db.Conversations.ToListAsync());
    }

    private static string Message(string wamid, string text, string contact, string? from = null, string? fromUserId = null)
    {
        var ids = string.Join(',', new[] { from is null ? null : $"\"from\":\"{from}\"", fromUserId is null ? null : $"\"from_user_id\":\"{fromUserId}\"" }.OfType<string>());
        return WhatsApp($$$"""
            "contacts":[{{{contact}}}],
            "messages":[{{{{ids}}},"id":"{{{wamid}}}","timestamp":"{{{Seconds(HourAgo)}}}","type":"text","text":{"body":"{{{text}}}"}}]
            """);
    }

    private static string WhatsApp(string value) => Change("messages", value);

    private static string Change(string field, string value) => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"WABA-1","changes":[{"field":"{{{field}}}","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"{{{PhoneNumberId}}}"},
          {{{value}}}}}]}]}
        """;

    private async Task<long> OurMessageAsync(string wamid)
    {
        await using var db = App.OpenDb();
        var conversation = await db.Conversations.SingleAsync();
        var message = new Message
        {
            ConversationId = conversation.Id, ChannelId = conversation.ChannelId, Direction = MessageDirection.Outbound, Author = MessageAuthor.Agent,
            Text = "Your parcel left today", SentAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, ReplyType = Core.Policy.ReplyType.FreeForm,
            Status = DeliveryStatus.Sent, PlatformMessageId = wamid,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }
}
