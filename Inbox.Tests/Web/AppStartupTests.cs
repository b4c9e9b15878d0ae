using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inbox.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Web;

public sealed partial class AppStartupTests : IClassFixture<InboxAppFactory>
{
    private readonly InboxAppFactory app;

    public AppStartupTests(InboxAppFactory app) => this.app = app;

    [Fact]
    public async Task Get_RootAnonymously_RedirectsToLogin()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Get_LoginPage_ShowsFormAndDemoLogins()
    {
        var html = await app.CreateClient().GetStringAsync("/login");

        Assert.Contains("action=\"/account/login\"", html);
        Assert.Contains("agent@inbox.demo", html);
    }

    [Theory]
    [InlineData("Bearer not-a-real-key-at-all", "not valid")]
    [InlineData(null, "Authorization: Bearer")]
    public async Task Api_WithoutValidKey_Returns401ProblemJson(string? header, string detail)
    {
        var client = app.CreateClient();
        if (header is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        }

        var response = await client.GetAsync("/api/conversations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_WithValidKey_ListsTheDemoConversations()
    {
        var rows = await app.ApiClient().GetFromJsonAsync<JsonElement[]>("/api/conversations");

        // 24 scripted conversations, and 40 resolved ones from the month of history the dashboard reports on.
        Assert.Equal(24 + 40, rows!.Length);
    }

    [Fact]
    public async Task Start_EmptyDatabaseInDemoMode_SeedsEveryChannelKindAndOneLoginPerRole()
    {
        await using var db = app.OpenDb();

        var kinds = await db.Channels.Select(c => c.Kind).Distinct().CountAsync();
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).Distinct().ToListAsync();

        Assert.Equal(4, kinds);
        Assert.Equal(["Admin", "Agent", "Supervisor"], roles.Order());
    }

    [Fact]
    public async Task Login_DemoAgentWithRightPassword_OpensTheInbox()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var response = await PostLoginAsync(client, "agent@inbox.demo", "Demo-pass-1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var inbox = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.Contains("Alice Agent", await inbox.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_WrongPassword_ReturnsToLoginWithError()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var response = await PostLoginAsync(client, "supervisor@inbox.demo", "wrong-password");

        Assert.StartsWith("/login?error=invalid", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "agent@inbox.demo",
            ["password"] = "Demo-pass-1",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    internal static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["email"] = email,
            ["password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
