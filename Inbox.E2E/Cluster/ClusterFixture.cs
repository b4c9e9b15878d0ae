using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inbox.Core.Channels.Meta;
using Microsoft.Playwright;
using Npgsql;

namespace Inbox.E2E.Cluster;

/// <summary>
/// Two Inbox.Web processes (A and B) serving one inbox: a throwaway PostgreSQL cluster, a redis-server, a shared key
/// ring folder, and a fake Messenger platform that records every send. Everything is started on loopback ports and
/// stopped by process id.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string AppSecret = "cluster-app-secret";
    public const string PageId = "1040000000999";
    public const string ApiKey = "cluster-agent-key-0123456789";
    public const string AdminEmail = "admin@cluster.test";
    public const string AdminPassword = "Cluster-pass-1";

    private readonly string keys = Directory.CreateTempSubdirectory("inbox-cluster-keys-").FullName;
    private readonly string database = PostgresServer.NewDatabase();
    private IPlaywright? playwright;
    private IBrowser? browser;
    private readonly HashSet<int> warmed = [];

    public PostgresServer Postgres { get; private set; } = null!;

    public RedisServer Redis { get; private set; } = null!;

    public FakePlatformServer Platform { get; private set; } = null!;

    public InboxProcess A { get; private set; } = null!;

    public InboxProcess B { get; private set; } = null!;

    public static string Messenger => FakePlatformServer.MessengerPath(PageId);

    public async Task InitializeAsync()
    {
        (Postgres, Redis, Platform) = (await PostgresServer.StartAsync(), await RedisServer.StartAsync(), await FakePlatformServer.StartAsync());
        // Together: the start-up lock lets one migrate and seed while the other waits.
        var (a, b) = (StartInstanceAsync("A"), StartInstanceAsync("B"));
        (A, B) = (await a, await b);
    }

    /// <summary>Another instance on the same database and Redis (for a test that kills one).</summary>
    public Task<InboxProcess> StartInstanceAsync(string name) => InboxProcess.StartAsync(new Dictionary<string, string>
    {
        ["Inbox__Database__Provider"] = "Postgres",
        ["ConnectionStrings__Inbox"] = Postgres.ConnectionString(database),
        ["ConnectionStrings__Redis"] = Redis.ConnectionString,
        ["Inbox__DataProtection__KeysPath"] = keys,
        ["Inbox__Cluster__InstanceName"] = name,
        ["Inbox__Cluster__ClaimLease"] = "00:00:03",
        ["Inbox__Demo__Enabled"] = "false",
        ["Meta__AppSecret"] = AppSecret,
        ["Meta__GraphApiBaseUrl"] = Platform.BaseUrl + FakePlatformServer.GraphRoot,
        ["Inbox__Admin__Email"] = AdminEmail,
        ["Inbox__Admin__Password"] = AdminPassword,
        ["Inbox__ApiKeys__0__Name"] = "cluster",
        ["Inbox__ApiKeys__0__Key"] = ApiKey,
        ["Inbox__ApiKeys__0__Role"] = "Agent",
        ["Inbox__Channels__0__Key"] = "cluster-fb",
        ["Inbox__Channels__0__Kind"] = "Messenger",
        ["Inbox__Channels__0__Name"] = "Cluster Page",
        ["Inbox__Channels__0__ExternalId"] = PageId,
        ["Inbox__Channels__0__AccessToken"] = "EAAB-cluster",
        ["Inbox__Channels__0__HumanAgentApproved"] = "true",

        // The window-closing reminder comes due 4 s after a customer's message, so one fires while both instances run.
        ["Inbox__Automations__ReminderAfter"] = "00:00:04",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging__LogLevel__Inbox.Core.Channels.Inbound.WebhookProcessor"] = "Information",

        // Each automation's outcome, printed once it is recorded.
        ["Logging__LogLevel__Inbox.Core.Scheduling.AutomationRunner"] = "Information",
    });

    /// <summary>Posts a signed Messenger message from <paramref name="psid"/>; true when the app acknowledged it.</summary>
    public static async Task<bool> PostMessageAsync(InboxProcess app, string psid, string mid, string text)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var body = Encoding.UTF8.GetBytes($$$"""
            {"object":"page","entry":[{"id":"{{{PageId}}}","time":{{{now}}},"messaging":[{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{now}}},"message":{"mid":"{{{mid}}}","text":"{{{text}}}"}}]}]}
            """);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(app.BaseUrl, "/webhooks/meta")) { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", MetaSignature.Sign(body, AppSecret));
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>A fresh browser page on <paramref name="app"/> (Chromium starts with the first one asked for; each app's pages are opened once first, <see cref="Infrastructure.Warmup"/>).</summary>
    public async Task<IPage> NewPageAsync(InboxProcess app)
    {
        if (browser is null)
        {
            Assertions.SetDefaultExpectTimeout(Infrastructure.BrowserWaits.Default);
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Browsers.ChromiumExecutable(),
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
        }

        if (warmed.Add(app.ProcessId))
        {
            await Infrastructure.Warmup.OpenPagesAsync(browser, app.BaseUrl, AdminEmail, AdminPassword);
        }

        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(Infrastructure.BrowserWaits.Default);
        return await context.NewPageAsync();
    }

    public static HttpClient Api(InboxProcess app)
    {
        var api = new HttpClient { BaseAddress = app.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
        return api;
    }

    public static async Task<long> ReplyAsync(InboxProcess app, int conversation, string text)
    {
        using var api = Api(app);
        using var response = await api.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { text });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>How many messages with a platform id starting <paramref name="prefix"/> are stored, and how many distinct.</summary>
    public async Task<(long Stored, long Distinct)> CountAsync(string prefix)
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT COUNT(*), COUNT(DISTINCT "PlatformMessageId") FROM "Messages" WHERE "PlatformMessageId" LIKE @prefix""", connection);
        command.Parameters.AddWithValue("prefix", prefix + "%");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The state of the conversation's <paramref name="kind"/> automation, and how many activity entries start with <paramref name="detail"/>.</summary>
    public async Task<(string State, long Entries)> AutomationAsync(int conversation, string kind, string detail)
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT a."State", (SELECT COUNT(*) FROM "Activities" v WHERE v."ConversationId" = a."ConversationId" AND v."Detail" LIKE @detail)
            FROM "ScheduledAutomations" a WHERE a."ConversationId" = @conversation AND a."Kind" = @kind
            """, connection);
        command.Parameters.AddWithValue("conversation", conversation);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("detail", detail + "%");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"conversation {conversation} has a {kind} automation");
        return (reader.GetString(0), reader.GetInt64(1));
    }

    /// <summary>The conversation the customer <paramref name="psid"/> opened, read through <paramref name="app"/>'s API.</summary>
    public async Task<int> ConversationOfAsync(InboxProcess app, string psid)
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT c."Id" FROM "Conversations" c JOIN "Contacts" k ON k."Id" = c."ContactId" WHERE k."ExternalId" = @psid""", connection);
        command.Parameters.AddWithValue("psid", psid);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        foreach (var app in new[] { A, B }.Where(a => a is not null))
        {
            await app.DisposeAsync();
        }

        await Platform.DisposeAsync();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
        Directory.Delete(keys, recursive: true);
    }
}
