using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Inbox.Web.Security;

/// <summary>Security settings (<c>Inbox:Security</c>): the reverse proxies trusted for the client's address and scheme; sign-in guesses per address, per account name and per pair; webhook POSTs per address; how often open tabs re-check their user.</summary>
public sealed class SecurityOptions : IValidatableObject
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

    /// <summary>
    /// Addresses of the reverse proxies (<c>10.0.0.5</c>) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
    /// believed. Empty (with <see cref="KnownNetworks"/>): the headers are ignored from everyone.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies, in CIDR form (<c>10.0.0.0/8</c>, <c>fd00::/8</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Inbox:Security:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Inbox:Security:KnownNetworks: '{network}' is not a network in CIDR form (10.0.0.0/8).", [nameof(KnownNetworks)]);
        }
    }
}
