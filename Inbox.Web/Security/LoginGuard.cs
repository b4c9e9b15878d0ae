using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Security;

/// <summary>
/// Limits password guessing without handing an attacker the power to lock people out. Identity's own lockout locks an
/// account for everybody, so five guesses from anywhere would keep the admin out; here a lockout holds one account
/// against one address (the guesser's), while failures for an account from all addresses together are only throttled
/// per minute, which slows a botnet spread over many addresses. The per-address limit on all sign-in POSTs is the
/// <see cref="RateLimits.Login"/> rate limiter. State is per instance, in memory.
/// </summary>
public sealed class LoginGuard : IDisposable
{
    private readonly PartitionedRateLimiter<string> accountFailures;
    private readonly PartitionedRateLimiter<string> pairFailures;

    public LoginGuard(IOptions<SecurityOptions> options)
    {
        var limits = options.Value;
        accountFailures = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(
            account, _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.LoginFailuresPerAccountPerMinute, Window = TimeSpan.FromMinutes(1) }));
        pairFailures = PartitionedRateLimiter.Create<string, string>(pair => RateLimitPartition.GetFixedWindowLimiter(
            pair, _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.LockoutAfterFailures, Window = limits.LockoutDuration }));
    }

    /// <summary>Whether this address may try this account now, and if not, why.</summary>
    public LoginVerdict Check(string account, string address)
    {
        if (!HasPermit(pairFailures, Pair(account, address)))
        {
            return LoginVerdict.LockedOut;
        }

        return HasPermit(accountFailures, Normalise(account)) ? LoginVerdict.Allowed : LoginVerdict.AccountThrottled;
    }

    /// <summary>Counts a wrong password; true when it locked this address out of this account.</summary>
    public bool RecordFailure(string account, string address)
    {
        using var accountLease = accountFailures.AttemptAcquire(Normalise(account));
        using var pairLease = pairFailures.AttemptAcquire(Pair(account, address));
        return !HasPermit(pairFailures, Pair(account, address));
    }

    public void Dispose()
    {
        accountFailures.Dispose();
        pairFailures.Dispose();
    }

    private static bool HasPermit(PartitionedRateLimiter<string> limiter, string key)
    {
        // Zero permits asks "is any left?" without using one.
        using var lease = limiter.AttemptAcquire(key, 0);
        return lease.IsAcquired;
    }

    private static string Pair(string account, string address) => Normalise(account) + "|" + address;

    private static string Normalise(string account) => account.Trim().ToUpperInvariant();
}
