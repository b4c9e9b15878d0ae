using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>
/// The away message in the customer's language: a WhatsApp message arrives while closed, through the real webhook,
/// processing and automation path, and the away message queued for the customer is the translation for their
/// language, or the default text when there is none.
/// </summary>
public sealed class AwayMessageLanguageWebhookTests : WebhookTestBase
{
    private const string Phone = "5511987654321";

    [Theory]
    [InlineData("pt-BR", "Olá Ana Souza, estamos fechados agora.")]
    [InlineData("pt", "Olá Ana Souza, estamos fechados agora.")]
    [InlineData("ja", "Hi Ana Souza, we are closed now.")]
    [InlineData(null, "Hi Ana Souza, we are closed now.")]
    public async Task Post_WhatsAppMessageWhileClosed_AwayMessageInTheContactsLanguageElseTheDefault(string? language, string expected)
    {
        var hours = BusinessHoursDraft.New(null);
        hours.Days = new string[7];
        hours.AwayMessage = "Hi {name}, we are closed now.";
        hours.AwayTranslations = [new LanguageText { Language = "pt-BR", Text = "Olá {name}, estamos fechados agora." }, new LanguageText { Language = "es", Text = "Hola {name}, ahora estamos cerrados." }];
        Assert.Equal(CommandStatus.Done, (await App.Services.GetRequiredService<BusinessHoursAdmin>().SaveAsync(hours, "admin@acme.test")).Status);
        var contact = await KnownContactAsync();
        Assert.Equal(CommandStatus.Done, (await App.Services.GetRequiredService<ContactLanguage>().SetAsync(contact, language)).Status);

        await Webhooks.MetaRawAsync($$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"{{{BusinessAccountId}}}","changes":[{"field":"messages","value":{
              "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"{{{PhoneNumberId}}}"},
              "contacts":[{"profile":{"name":"Ana Souza"},"wa_id":"{{{Phone}}}"}],
              "messages":[{"from":"{{{Phone}}}","id":"wamid.HBgNNTUxMTk4NzY1NDMyMQ","timestamp":"{{{Seconds(DateTime.UtcNow.AddSeconds(-5))}}}","type":"text","text":{"body":"Oi, vocês entregam amanhã?"}}]}}]}]}
            """);
        await ProcessAsync();

        var away = Assert.Single(await MessagesAsync(), m => m.Direction == MessageDirection.Outbound);
        Assert.Equal(MessageAuthor.Automation, away.Author);
        Assert.Equal(contact, away.Conversation!.ContactId);
        Assert.Equal(expected, away.Text);
    }

    /// <summary>A customer the inbox already knows (from an earlier conversation), so an agent could have set their language.</summary>
    private async Task<int> KnownContactAsync()
    {
        await using var db = App.OpenDb();
        var channel = await db.Channels.SingleAsync(c => c.ExternalId == PhoneNumberId);
        var contact = new Contact { ChannelId = channel.Id, ExternalId = Phone, Phone = Phone, Name = "Ana Souza", CreatedAt = DateTime.UtcNow.AddDays(-30) };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact.Id;
    }
}
