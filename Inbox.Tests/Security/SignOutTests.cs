using System.Net;
using System.Text.RegularExpressions;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Security;

public sealed partial class SignOutTests(InboxAppFactory app) : IClassFixture<InboxAppFactory>
{
    [Fact]
    public async Task Logout_CrossSitePostWithoutToken_IsRefusedAndTheUserStaysSignedIn()
    {
        var client = await CookieSignIn.SignedInAsync(app, "agent@inbox.demo");

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        var inbox = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
    }

    [Fact]
    public async Task Logout_FormWithItsToken_SignsOut()
    {
        var client = await CookieSignIn.SignedInAsync(app, "agent2@inbox.demo");
        var page = await client.GetStringAsync("/");
        var token = Token().Match(page).Groups[1].Value;

        var signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var inbox = await client.GetAsync("/");

        Assert.Equal("/login", signedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
