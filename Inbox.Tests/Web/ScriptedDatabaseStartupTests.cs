using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Web;

/// <summary>The app started on a database made by the former schema scripts (the fixture), as after an upgrade.</summary>
public sealed class ScriptedDatabaseStartupTests
{
    // Demo mode off: the logins must come from the upgraded file, not from the seeder.
    private static readonly Dictionary<string, string?> NoDemo = new() { ["Inbox:Demo:Enabled"] = "false" };

    [Fact]
    public async Task Start_OnDatabaseFromSchemaScripts_UsersSignInAndFindTheirConversations()
    {
        using var app = InboxAppFactory.With(NoDemo);
        ScriptedDatabase.LoadInto($"Data Source={Path.Combine(app.Folder, "inbox.db")}");

        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var signIn = await CookieSignIn.PostCredentialsAsync(client, "agent@inbox.demo", "Demo-pass-1");
        var rows = await app.ApiClient().GetFromJsonAsync<JsonElement[]>("/api/conversations");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        Assert.Equal(4, rows!.Length);
        var maria = rows.Single(r => r.GetProperty("id").GetInt32() == 1);
        Assert.Equal("Maria Gonzalez", maria.GetProperty("contact").GetProperty("name").GetString());
    }

    [Fact]
    public void Start_OnDatabaseFromNewerBuild_StopsNamingBothVersions()
    {
        using var app = InboxAppFactory.With(NoDemo);
        var connectionString = $"Data Source={Path.Combine(app.Folder, "inbox.db")}";
        ScriptedDatabase.LoadInto(connectionString);
        ScriptedDatabase.Execute(connectionString, "INSERT INTO __schema_version VALUES (9, 'whatsapp_user_ids', '2026-12-01T00:00:00Z')");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var cause = error as InvalidOperationException ?? error.InnerException;
        Assert.Contains("schema version 9, newer than the newest this build knows (8)", cause?.Message);
    }
}
