using System.ComponentModel.DataAnnotations;

namespace Inbox.Web.Security;

/// <summary>Security settings (<c>Inbox:Security</c>): sign-in guesses per address, per account name and per pair; webhook POSTs per address; how often open tabs re-check their user.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Inbox:Security";

    /// <summary>POSTs to <c>/account/login</c> per minute from one IP address; more get 429.</summary>
    [Range(1, 100_000)]
    public int LoginAttemptsPerMinute { get; set; } = 20;

    /// <summary>Failed sign-ins per minute for one account name, from all addresses together; more get 429 until the minute ends.</summary>
    [Range(1, 100_000)]
    public int LoginFailuresPerAccountPerMinute { get; set; } = 10;

    /// <summary>Wrong passwords for one account from one address before that address is locked out of that account.</summary>
    [Range(1, 1_000)]
    public int LockoutAfterFailures { get; set; } = 5;

    /// <summary>How long such a lockout lasts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Webhook POSTs per second from one address (a token bucket of the same size); more get 429.</summary>
    [Range(1, 1_000_000)]
    public int WebhookRequestsPerSecond { get; set; } = 2_000;

    /// <summary>How often an open inbox tab checks that its user still exists, is not locked out and has the same roles.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CircuitRevalidation { get; set; } = TimeSpan.FromMinutes(2);
}
