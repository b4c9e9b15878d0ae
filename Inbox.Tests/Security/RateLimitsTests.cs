using System.Net;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Security;

public sealed class RateLimitsTests
{
    [Fact]
    public async Task Login_MoreAttemptsThanAllowedPerMinute_Returns429WithRetryAfter()
    {
        using var app = InboxAppFactory.With(new() { ["Inbox:Security:LoginAttemptsPerMinute"] = "3" });
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await CookieSignIn.PostCredentialsAsync(client, $"guess{i}@inbox.demo", "wrong-password")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect], answers.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3]);
        var refused = await CookieSignIn.PostCredentialsAsync(client, "agent@inbox.demo", "Demo-pass-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccount()
    {
        using var app = new InboxAppFactory();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            await CookieSignIn.PostCredentialsAsync(client, "agent2@inbox.demo", "wrong-password");
        }

        var right = await CookieSignIn.PostCredentialsAsync(client, "agent2@inbox.demo", "Demo-pass-1");

        Assert.Contains("error=locked", right.Headers.Location?.OriginalString);
    }
}
