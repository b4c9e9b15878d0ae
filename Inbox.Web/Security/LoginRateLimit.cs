using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Security;

/// <summary>
/// Credential stuffing spreads guesses over many accounts, which per-account lockout does not see: sign-in POSTs are
/// also limited per client address, with a plain 429 and <c>Retry-After</c>.
/// </summary>
public static class LoginRateLimit
{
    public const string Policy = "login";

    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services)
    {
        services.AddOptions<LoginLimitOptions>().BindConfiguration(LoginLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LoginGuard>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new { title = "Too many sign-in attempts", status = 429, detail = "Too many sign-in attempts from this address; wait a minute and try again." },
                    cancellationToken);
            };
            limiter.AddPolicy(Policy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<LoginLimitOptions>>().Value.LoginAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }
}
