using Inbox.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Inbox.Web.Endpoints;

/// <summary>Cookie sign-in and sign-out, posted from plain HTML forms (Identity needs the HTTP response, not a circuit).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", LoginAsync).AllowAnonymous().RequireRateLimiting(Security.LoginRateLimit.Policy);
        app.MapPost("/account/logout", LogoutAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> LoginAsync(
        [FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl, SignInManager<InboxUser> signIn)
    {
        var result = await signIn.PasswordSignInAsync(email, password, isPersistent: true, lockoutOnFailure: true);
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        if (result.Succeeded)
        {
            return Results.LocalRedirect(target);
        }

        var error = result.IsLockedOut ? "locked" : "invalid";
        return Results.LocalRedirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(target)}");
    }

    private static async Task<IResult> LogoutAsync(SignInManager<InboxUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
