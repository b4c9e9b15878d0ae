using System.Globalization;
using Inbox.Web.Endpoints;
using Microsoft.AspNetCore.Localization;

namespace Inbox.Web.Localization;

/// <summary>
/// The languages the agent UI speaks, and how a request picks one: the user's own choice (the header's language
/// menu, kept in the <c>.AspNetCore.Culture</c> cookie), else the browser's <c>Accept-Language</c>, else English.
/// Business-hours time zones are not touched: only language and number/date formats follow the culture.
/// </summary>
public static class InboxCultures
{
    public const string Default = "en";

    /// <summary>Culture name → the language's own name, as the menu lists it.</summary>
    public static IReadOnlyList<(string Name, string NativeName)> Supported { get; } =
    [
        ("en", "English"),
        ("pt-BR", "Português (Brasil)"),
        ("es", "Español"),
        ("ru", "Русский"),
        ("it", "Italiano"),
    ];

    public static IServiceCollection AddInboxLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c.Name)).ToList();
            options.DefaultRequestCulture = new RequestCulture(Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>
    /// <c>GET /account/language?culture=pt-BR&amp;returnUrl=/</c>: remembers the choice for a year and goes back. A GET,
    /// so the header's menu works as a link; it changes nothing but the language of the browser that follows it.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageChoice(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/language", (string? culture, string? returnUrl, HttpContext http) =>
        {
            if (culture is null || Supported.All(c => c.Name != culture))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language",
                    detail: $"culture must be one of: {string.Join(", ", Supported.Select(c => c.Name))}.");
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(AccountEndpoints.IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return app;
    }
}
