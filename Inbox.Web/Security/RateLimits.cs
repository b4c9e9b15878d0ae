using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Security;

/// <summary>
/// Per-address limits, each a named policy with a plain 429 and <c>Retry-After</c>: sign-in POSTs (credential stuffing
/// spreads guesses over many accounts, which <see cref="LoginGuard"/>'s per-account counters do not see) and webhook
/// POSTs (one address flooding the front door would crowd out the platforms' own deliveries).
/// </summary>
public static class RateLimits
{
    public const string Login = "login";

    public const string Webhooks = "webhooks";

    public static IServiceCollection AddInboxRateLimits(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LoginGuard>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var login = context.HttpContext.Request.Path.StartsWithSegments("/account");
                context.HttpContext.Response.Headers.RetryAfter = login ? "60" : "1";
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new
                    {
                        title = login ? "Too many sign-in attempts" : "Too many requests",
                        status = 429,
                        detail = login
                            ? "Too many sign-in attempts from this address; wait a minute and try again."
                            : "Too many webhook requests from this address; slow down.",
                    },
                    cancellationToken);
            };
            limiter.AddPolicy(Login, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.LoginAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    Address(http),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            limiter.AddPolicy(Webhooks, http =>
            {
                var perSecond = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.WebhookRequestsPerSecond;
                return RateLimitPartition.GetTokenBucketLimiter(
                    Address(http),
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = perSecond,
                        TokensPerPeriod = perSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    });
            });
        });
        return services;
    }

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
