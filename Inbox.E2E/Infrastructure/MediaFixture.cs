using System.Net.Http.Headers;
using System.Text;
using Inbox.Core.Channels.Meta;

namespace Inbox.E2E.Infrastructure;

/// <summary>
/// The app as deployed, without demo data (which refuses to run beside real channels): one real Messenger channel whose
/// Graph API and CDN are a <see cref="FakePlatformServer"/>, and the admin from configuration. Customers' photos and
/// profile pictures are downloaded through the app as in production.
/// </summary>
public sealed class MediaFixture : AppFixture, IAsyncLifetime
{
    public const string PageId = "1040000000077";
    public const string AppSecret = "e2e-media-app-secret";
    public const string AdminEmail = "owner@outdoor.test";
    public const string AdminPassword = "Outdoor-pass-1";

    private readonly HttpClient webhooks = new();

    public FakePlatformServer Platform { get; private set; } = default!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Inbox__Demo__Enabled"] = "false",
        ["Inbox__Admin__Email"] = AdminEmail,
        ["Inbox__Admin__Password"] = AdminPassword,
        ["Meta__AppSecret"] = AppSecret,
        ["Meta__GraphApiBaseUrl"] = Platform.BaseUrl + FakePlatformServer.GraphRoot,
        ["Inbox__Channels__0__Key"] = "outdoor-fb",
        ["Inbox__Channels__0__Kind"] = "Messenger",
        ["Inbox__Channels__0__Name"] = "Outdoor Co. Page",
        ["Inbox__Channels__0__ExternalId"] = PageId,
        ["Inbox__Channels__0__AccessToken"] = "EAAB-e2e-page-token",
        ["Inbox__Channels__0__HumanAgentApproved"] = "true",
    };

    protected override (string Email, string Password) WarmupUser => (AdminEmail, AdminPassword);

    /// <summary>The media tests stay in the inbox.</summary>
    protected override string[] WarmupPages => [];

    async Task IAsyncLifetime.InitializeAsync()
    {
        Platform = await FakePlatformServer.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Platform.DisposeAsync();
        webhooks.Dispose();
    }

    /// <summary>Posts a Meta webhook body, signed with the app secret, as Meta does.</summary>
    public async Task PostMetaWebhookAsync(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(App.BaseUrl, "/webhooks/meta")) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", MetaSignature.Sign(bytes, AppSecret));
        using var response = await webhooks.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A picture from the test assets.</summary>
    public static byte[] Asset(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Assets", name));
}
