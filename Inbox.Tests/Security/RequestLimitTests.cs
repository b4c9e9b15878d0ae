using System.Net;
using Inbox.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Security;

/// <summary>Webhook floods from one address are cut off with 429; other addresses are not affected.</summary>
public sealed class RequestLimitTests : IDisposable
{
    private readonly InboxAppFactory app = InboxAppFactory.With(
        new() { ["Inbox:Security:WebhookRequestsPerSecond"] = "5" },
        services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressHeader>());

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Webhooks_FloodFromOneAddress_IsAnswered429WhileAnotherAddressGetsThrough()
    {
        var flooder = ClientAt("198.51.100.9");

        // 100 at once against 5 a second: only a run lasting many seconds could let them all through.
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => flooder.PostAsync("/webhooks/line/no-such-channel", new StringContent("{}"))));
        var other = await ClientAt("192.0.2.44").PostAsync("/webhooks/line/no-such-channel", new StringContent("{}"));

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(answers.Except(refused), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.Equal("1", refused[0].Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    private HttpClient ClientAt(string address)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientAddressHeader.Name, address);
        return client;
    }
}
