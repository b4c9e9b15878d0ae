using System.Net;
using Inbox.Core.Audit;
using Inbox.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Security;

/// <summary>Sign-in floods: one account from many addresses, and guesses that must not lock the real user out.</summary>
public sealed class LoginGuardTests : IDisposable
{
    private readonly InboxAppFactory app = InboxAppFactory.With(
        new() { ["Inbox:Security:LoginFailuresPerAccountPerMinute"] = "6", ["Inbox:Security:LockoutAfterFailures"] = "3" },
        services => services.AddTransient<IStartupFilter, ClientAddressHeader>());

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Login_OneAccountFloodedFromManyAddresses_IsThrottledForThatAccountOnly()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 7; i++)
        {
            answers.Add((await SignInFromAsync($"198.51.100.{i}", "admin@inbox.demo", "wrong-password")).StatusCode);
        }

        Assert.All(answers.Take(6), status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[6]);
        var otherAccount = await SignInFromAsync("198.51.100.8", "agent@inbox.demo", "Demo-pass-1");
        Assert.Equal(HttpStatusCode.Redirect, otherAccount.StatusCode);
        Assert.DoesNotContain("error", otherAccount.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_WrongPasswordsFromOneAddress_LockThatAddressOutButNotTheOwner()
    {
        for (var i = 0; i < 3; i++)
        {
            await SignInFromAsync("203.0.113.66", "admin@inbox.demo", "wrong-password");
        }

        var guesserWithTheRightPassword = await SignInFromAsync("203.0.113.66", "admin@inbox.demo", "Demo-pass-1");
        var owner = await SignInFromAsync("192.0.2.10", "admin@inbox.demo", "Demo-pass-1");

        Assert.Contains("error=locked", guesserWithTheRightPassword.Headers.Location?.OriginalString);
        Assert.Equal("/", owner.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_SignInsFailuresAndLockouts_AreAudited()
    {
        for (var i = 0; i < 3; i++)
        {
            await SignInFromAsync("203.0.113.7", "agent2@inbox.demo", "wrong-password");
        }

        await SignInFromAsync("192.0.2.20", "agent2@inbox.demo", "Demo-pass-1");

        await using var db = app.OpenDb();
        var entries = await db.Set<AuditEntry>().Where(e => e.Target == "user agent2@inbox.demo" && e.Action.StartsWith("account.")).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            ["account.sign_in_failed", "account.sign_in_failed", "account.sign_in_failed", "account.locked_out", "account.signed_in"],
            entries.Select(e => e.Action));
        Assert.Contains("203.0.113.7", entries[3].Detail);
        Assert.Contains("192.0.2.20", entries[4].Detail);
    }

    private async Task<HttpResponseMessage> SignInFromAsync(string address, string email, string password)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientAddressHeader.Name, address);
        return await CookieSignIn.PostCredentialsAsync(client, email, password);
    }
}
