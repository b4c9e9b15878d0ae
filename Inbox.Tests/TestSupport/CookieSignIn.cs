using System.Net;
using System.Text.RegularExpressions;

namespace Inbox.Tests.TestSupport;

/// <summary>Signs a test client in through the real form: fetch the antiforgery token, post the credentials, keep the cookie.</summary>
public static partial class CookieSignIn
{
    public static async Task<HttpResponseMessage> PostCredentialsAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>A client (not following redirects) that carries the cookie of a signed-in demo user.</summary>
    public static async Task<HttpClient> SignedInAsync(InboxAppFactory app, string email, string password = "Demo-pass-1")
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await PostCredentialsAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("error") == true)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
