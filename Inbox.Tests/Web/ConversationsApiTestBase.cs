using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inbox.Core.Conversations;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Web;

/// <summary>Shared set-up for the conversations API tests: the real app on its own demo database, and lookups by contact name.</summary>
public abstract class ConversationsApiTestBase(InboxAppFactory app)
{
    protected InboxAppFactory App { get; } = app;

    protected HttpClient Api { get; } = app.ApiClient();

    protected async Task<JsonElement> FindAsync(string contact)
    {
        var rows = await Api.GetFromJsonAsync<JsonElement[]>("/api/conversations");
        return rows!.Single(r => r.GetProperty("contact").GetProperty("name").GetString() == contact);
    }

    protected async Task<int> IdOfAsync(string contact) => (await FindAsync(contact)).GetProperty("id").GetInt32();

    protected async Task<int> MessageCountAsync(int id)
    {
        await using var db = App.OpenDb();
        return await db.Messages.CountAsync(m => m.ConversationId == id);
    }

    protected static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
