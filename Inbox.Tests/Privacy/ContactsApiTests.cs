using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Tests.Channels.Inbound;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Privacy;

/// <summary><c>DELETE /api/contacts/{id}</c> on the real app, with the customer's messages arriving as signed Messenger webhooks.</summary>
public sealed class ContactsApiTests : WebhookTestBase
{
    private const string Psid = "6100000000000042";

    private static readonly DateTime HourAgo = DateTime.UtcNow.AddHours(-1);

    [Fact]
    public async Task Delete_AdminKey_ErasesTheContact_AndTheirNextMessageStartsANewEmptyContact()
    {
        await Webhooks.MetaRawAsync(MessengerText("m_ERASE1", "My address is 1 Main St", Psid, HourAgo));
        await ProcessAsync();
        var before = await SingleConversationAsync();
        await using (var db = App.OpenDb())
        {
            db.Set<Note>().Add(new Note { ConversationId = before.Id, AuthorName = "Bo", Text = "Lives at 1 Main St", CreatedAt = HourAgo });
            await db.SaveChangesAsync();
        }

        var response = await App.ApiClient(InboxAppFactory.AdminKey).DeleteAsync($"/api/contacts/{before.ContactId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var erased = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1, 1, 1), (erased.GetProperty("conversations").GetInt32(), erased.GetProperty("messages").GetInt32(),
            erased.GetProperty("notes").GetInt32(), erased.GetProperty("webhookBodiesCleared").GetInt32()));
        await using (var db = App.OpenDb())
        {
            Assert.False(await db.Contacts.AnyAsync());
            Assert.False(await db.Conversations.AnyAsync());
            Assert.False(await db.Messages.AnyAsync());
            Assert.DoesNotContain(await db.WebhookDeliveries.Select(d => d.Body).ToListAsync(), b => b.Contains("Main St"));
            var entry = await db.Set<AuditEntry>().SingleAsync(e => e.Action == "contact.erased");
            Assert.Equal(("API key 'admin-tool'", $"contact {before.ContactId}"), (entry.Actor, entry.Target));
            Assert.DoesNotContain(Psid, entry.Detail);
            Assert.DoesNotContain("Main St", entry.Detail);
        }

        await Webhooks.MetaRawAsync(MessengerText("m_ERASE2", "Hello again", Psid, DateTime.UtcNow));
        await ProcessAsync();

        var after = await SingleConversationAsync();
        Assert.NotEqual(before.ContactId, after.ContactId);
        Assert.Equal(Psid, after.Contact!.ExternalId);
        Assert.Equal("Hello again", Assert.Single(await MessagesAsync()).Text);
    }

    [Fact]
    public async Task Delete_AgentKey_Forbidden_AndNothingIsErased()
    {
        await Webhooks.MetaRawAsync(MessengerText("m_KEEP1", "Hi", Psid, HourAgo));
        await ProcessAsync();
        var conversation = await SingleConversationAsync();

        var response = await App.ApiClient(InboxAppFactory.AgentKey).DeleteAsync($"/api/contacts/{conversation.ContactId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(await MessagesAsync());
    }

    [Fact]
    public async Task Delete_UnknownContact_NotFoundProblem()
    {
        var response = await App.ApiClient(InboxAppFactory.AdminKey).DeleteAsync("/api/contacts/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
