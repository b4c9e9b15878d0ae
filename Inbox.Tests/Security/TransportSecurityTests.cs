using System.Net;
using Inbox.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Security;

/// <summary>The app as deployed (Staging, not Development) behind a TLS-terminating proxy, and as a developer runs it.</summary>
public sealed class TransportSecurityTests
{
    private const string Proxy = "10.0.0.5";

    [Theory]
    [InlineData("/login")]
    [InlineData("/healthz")]
    [InlineData("/api/conversations")]
    [InlineData("/no-such-page")]
    [InlineData("/webhooks/line/unknown")]
    public async Task AnyResponse_CarriesTheSecurityHeaders(string path)
    {
        using var app = Deployed();
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://inbox.example.com") });

        var response = await client.SendAsync(new HttpRequestMessage(path.StartsWith("/webhooks", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, path));

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var policy = Header(response, "Content-Security-Policy") ?? "";
        Assert.Contains("frame-ancestors 'none'", policy);
        var scripts = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scripts);
        Assert.Contains("max-age=", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignIn_OutsideDevelopment_CookieIsSecureHttpOnlyAndLax()
    {
        using var app = Deployed();
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://inbox.example.com") });

        var response = await CookieSignIn.PostCredentialsAsync(client, "agent@inbox.demo", "Demo-pass-1");
        var inbox = await client.GetAsync("/");

        var cookie = AuthCookie(response);
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
    }

    [Fact]
    public async Task SignIn_OverPlainHttpOutsideDevelopment_CookieIsStillSecure()
    {
        using var app = Deployed();
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://inbox.example.com") });

        var response = await CookieSignIn.PostCredentialsAsync(client, "agent@inbox.demo", "Demo-pass-1");

        Assert.Contains("secure", AuthCookie(response));
        Assert.Null(Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignIn_InDevelopmentOverHttp_CookieIsNotSecureSoLocalRunsWork()
    {
        using var app = new InboxAppFactory();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await CookieSignIn.PostCredentialsAsync(client, "agent@inbox.demo", "Demo-pass-1");

        Assert.DoesNotContain("secure", AuthCookie(response));
        Assert.Contains("samesite=lax", AuthCookie(response));
        Assert.Null(Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedHeaders_FromAKnownProxy_GiveTheClientsAddressAndScheme()
    {
        using var app = Deployed(new() { ["Inbox:Security:KnownProxies:0"] = Proxy, ["Inbox:Security:LoginAttemptsPerMinute"] = "1" });

        // Two people behind the same proxy: each has their own sign-in allowance.
        var first = await SignInAttemptAsync(app, Proxy, "203.0.113.1");
        var second = await SignInAttemptAsync(app, Proxy, "203.0.113.2");
        var firstAgain = await SignInAttemptAsync(app, Proxy, "203.0.113.1");
        var page = await Through(app, Proxy, "203.0.113.3").GetAsync("/login");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, firstAgain.StatusCode);
        Assert.Contains("max-age=", Header(page, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnUnknownAddress_AreIgnored()
    {
        using var app = Deployed(new() { ["Inbox:Security:KnownProxies:0"] = Proxy, ["Inbox:Security:LoginAttemptsPerMinute"] = "1" });

        // A client pretending to be many: it is still one address, and its request still came over plain HTTP.
        var first = await SignInAttemptAsync(app, "198.51.100.7", "203.0.113.1");
        var second = await SignInAttemptAsync(app, "198.51.100.7", "203.0.113.2");
        var page = await Through(app, "198.51.100.7", "203.0.113.3").GetAsync("/login");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Null(Header(page, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedHeaders_NoProxyConfigured_AreIgnoredEvenFromLoopback()
    {
        using var app = Deployed(new() { ["Inbox:Security:LoginAttemptsPerMinute"] = "1" });

        var first = await SignInAttemptAsync(app, "127.0.0.1", "203.0.113.1");
        var second = await SignInAttemptAsync(app, "127.0.0.1", "203.0.113.2");
        var page = await Through(app, "127.0.0.1", "203.0.113.3").GetAsync("/login");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Null(Header(page, "Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("Inbox:Security:KnownProxies:0", "not-an-address", "KnownProxies")]
    [InlineData("Inbox:Security:KnownNetworks:0", "10.0.0.0", "KnownNetworks")]
    public void Start_ProxySettingThatIsNoAddress_FailsNamingIt(string key, string value, string named)
    {
        using var app = InboxAppFactory.With(new() { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains(named, error.ToString());
    }

    /// <summary>Staging with demo data and the test's client-address header.</summary>
    private static InboxAppFactory Deployed(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["environment"] = "Staging" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return InboxAppFactory.With(all, services => services.AddSingleton<IStartupFilter, ClientAddressHeader>());
    }

    /// <summary>A client at <paramref name="from"/> whose requests say they were forwarded for another address, over HTTPS.</summary>
    private static HttpClient Through(InboxAppFactory app, string from, string forwardedFor)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://inbox.example.com") });
        client.DefaultRequestHeaders.Add(ClientAddressHeader.Name, from);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    /// <summary>A sign-in POST; the per-address limit counts it before the form is even read.</summary>
    private static Task<HttpResponseMessage> SignInAttemptAsync(InboxAppFactory app, string from, string forwardedFor) =>
        Through(app, from, forwardedFor).PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "agent@inbox.demo", ["password"] = "guess" }));

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Single(c => c.StartsWith("inbox.auth=", StringComparison.Ordinal)).ToLowerInvariant()
            : throw new InvalidOperationException($"No cookie set: {(int)response.StatusCode} {response.Headers.Location}");

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;
}
