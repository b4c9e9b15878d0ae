using System.Net;
using System.Text.RegularExpressions;
using Inbox.Core.Identity;
using Inbox.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Security;

/// <summary>
/// Every route the app maps, read from its own endpoint table, so a route added later is covered too: it is either
/// on the short public list, or it names its policy and refuses anonymous callers and callers whose role is too low.
/// Behind that, a fallback policy closes any route that names none.
/// </summary>
public sealed partial class RouteAccessTests(RouteAccessTests.App app) : IClassFixture<RouteAccessTests.App>
{
    /// <summary>Routes meant to be open, each with why: anything else unprotected fails the test.</summary>
    private static readonly Dictionary<string, string> Public = new()
    {
        ["/login"] = "the sign-in form",
        ["/account/login"] = "the sign-in POST (antiforgery, lockout, rate limit)",
        ["/account/language"] = "the language choice: sets the culture cookie of the browser that follows it, nothing else",
        ["/access-denied"] = "the refusal page",
        ["/error"] = "the error page",
        ["/simulator"] = "demo mode only; refuses to write otherwise",
        ["/webhooks/meta"] = "signed by Meta; refused without a valid signature",
        ["/webhooks/line/{channelKey}"] = "signed by LINE; refused without a valid signature",
        ["/openapi/{documentName}.json"] = "the API description",
        ["/api/docs/{documentName?}"] = "the API reference page, drawn from the API description",
        ["/healthz"] = "the status word for load balancers, no details",
        ["/media/public/{id}"] = "a file an agent sent, for LINE to fetch: only with a signed, unexpired link",
    };

    private static readonly string[] Infrastructure = ["/_blazor", "/_framework", "/_content", "/favicon", "/app.css", "/routing.css", "/js/", "/Inbox.Web"];

    [Fact]
    public void EveryRoute_IsPublicByIntentOrRequiresAuthorization()
    {
        var unprotected = Routes()
            .Where(r => r.AllowAnonymous)
            .Select(r => r.Pattern)
            .Where(p => !Public.ContainsKey(p))
            .Distinct()
            .ToList();

        Assert.True(unprotected.Count == 0, "Routes open to anyone without being on the public list: " + string.Join(", ", unprotected));
    }

    [Fact]
    public void EveryRoute_SaysWhoMayUseIt()
    {
        // The fallback policy would let any signed-in user in, whatever their role: a route must choose.
        var implicitOnly = Routes()
            .Where(r => !r.Authorize.Any() && !r.AllowAnonymous)
            .Select(r => r.Pattern)
            .Distinct()
            .ToList();

        Assert.True(implicitOnly.Count == 0, "Routes with neither a policy nor AllowAnonymous: " + string.Join(", ", implicitOnly));
    }

    [Fact]
    public async Task FallbackPolicy_RequiresASignedInUser()
    {
        var fallback = await app.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();

        Assert.NotNull(fallback);
        Assert.Contains(fallback.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
    }

    [Fact]
    public async Task BlazorPlumbing_IsReachableAnonymouslyButPagesAreNot()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        var script = await client.GetAsync("/_framework/blazor.web.js");
        var page = await client.GetAsync("/admin/channels");

        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task EveryProtectedRoute_RefusesAnonymousCallers()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var route in Routes().Where(r => !r.AllowAnonymous))
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Url));
            var refused = response.StatusCode is HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/login"));
            if (!refused)
            {
                failures.Add($"{route.Method} {route.Url} → {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, "Anonymous callers got through: " + string.Join("; ", failures));
    }

    [Fact]
    public async Task SupervisorAndAdminRoutes_RefuseAnAgent()
    {
        var cookie = await CookieSignIn.SignedInAsync(app, "agent@inbox.demo");
        var key = app.ApiClient(InboxAppFactory.AgentKey);
        var failures = new List<string>();
        var elevated = Routes().Where(r => r.Authorize.Any(a => a.Policy is Policies.Supervisor or Policies.Admin)
            || r.Authorize.Any(a => a.Roles is { } roles && !roles.Contains(Roles.Agent, StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(elevated);
        foreach (var route in elevated)
        {
            var client = route.Pattern.StartsWith("/api", StringComparison.Ordinal) ? key : cookie;
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Url));
            var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/access-denied"));
            if (!refused)
            {
                failures.Add($"{route.Method} {route.Url} → {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, "An agent got through: " + string.Join("; ", failures));
    }

    [Fact]
    public async Task AgentRoutes_LetAnAgentIn()
    {
        var cookie = await CookieSignIn.SignedInAsync(app, "agent@inbox.demo");

        var inbox = await cookie.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
    }

    private IEnumerable<Route> Routes()
    {
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (Infrastructure.Any(prefix => pattern.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) || pattern.Contains("{**", StringComparison.Ordinal)
                || (StaticFile().IsMatch(pattern) && !Public.ContainsKey(pattern)))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var url = Parameter().Replace(pattern, m => m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "x");
            foreach (var method in methods.Where(m => m != "OPTIONS"))
            {
                yield return new Route(
                    pattern,
                    method,
                    url,
                    endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
                    endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null);
            }
        }
    }

    /// <summary>Static files (<c>/app.pdyu4i4an4.css</c>, <c>.gz</c> copies, the API reference's <c>/api/docs/scalar.js</c>): public by nature.</summary>
    [GeneratedRegex(@"^(/[^/{}]+)*/[^/{}]+\.(css|js|svg|png|ico|woff2?)(\.gz|\.br)?$")]
    private static partial Regex StaticFile();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    private sealed record Route(string Pattern, string Method, string Url, IReadOnlyList<IAuthorizeData> Authorize, bool AllowAnonymous);

    /// <summary>The demo app (one login per role) with the test API keys.</summary>
    public sealed class App : InboxAppFactory;
}
