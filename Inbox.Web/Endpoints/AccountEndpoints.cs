using Inbox.Core.Audit;
using Inbox.Core.Identity;
using Inbox.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Inbox.Web.Endpoints;

/// <summary>Cookie sign-in and sign-out, posted from plain HTML forms (Identity needs the HTTP response, not a circuit).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        // The form posts the antiforgery token; a cross-site POST without it must not sign anyone out.
        app.MapPost("/account/logout", LogoutAsync).RequireAuthorization().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> LoginAsync(
        [FromForm] string email,
        [FromForm] string password,
        [FromForm] string? returnUrl,
        HttpContext http,
        SignInManager<InboxUser> signIn,
        LoginGuard guard,
        AuditLog audit,
        ILogger<LoginGuard> logger)
    {
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var account = email.Length > 200 ? email[..200] : email;
        switch (guard.Check(account, address))
        {
            case LoginVerdict.LockedOut:
                return Failed("locked", target);
            case LoginVerdict.AccountThrottled:
                logger.LogWarning("Sign-in for {Account} from {Address} refused: too many failed sign-ins for that account this minute.", account, address);
                http.Response.Headers.RetryAfter = "60";
                return Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many sign-in attempts",
                    detail: "Too many failed sign-ins for this account; wait a minute and try again.");
        }

        // Identity's own lockout would lock the account for everyone; LoginGuard locks the guesser's address instead.
        var result = await signIn.PasswordSignInAsync(account, password, isPersistent: true, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(account, "account.signed_in", $"user {account}", $"from {address}", http.RequestAborted);
            return Results.LocalRedirect(target);
        }

        if (result.IsLockedOut)
        {
            // Locked by an admin (LockoutEnd set on the user), not by guessing.
            await audit.RecordAsync(account, "account.sign_in_refused", $"user {account}", $"locked account, from {address}", http.RequestAborted);
            return Failed("locked", target);
        }

        var lockedNow = guard.RecordFailure(account, address);
        await audit.RecordAsync(account, "account.sign_in_failed", $"user {account}", $"from {address}", http.RequestAborted);
        if (lockedNow)
        {
            logger.LogWarning("Sign-in for {Account} from {Address} locked out after repeated wrong passwords.", account, address);
            await audit.RecordAsync(account, "account.locked_out", $"user {account}", $"address {address}, after repeated wrong passwords", http.RequestAborted);
        }

        return Failed(lockedNow ? "locked" : "invalid", target);
    }

    private static IResult Failed(string error, string target) =>
        Results.LocalRedirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(target)}");

    private static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<InboxUser> signIn)
    {
        // The endpoint binds no form, so the framework would not check the token: checked here.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The sign-out form's antiforgery token is missing or invalid.");
        }

        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }

    /// <summary>An address on this site (<c>/…</c>, never <c>//host</c> or <c>/\host</c>): where a form may send the browser back to.</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
