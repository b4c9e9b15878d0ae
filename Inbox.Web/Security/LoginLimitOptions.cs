namespace Inbox.Web.Security;

/// <summary>Sign-in attempts allowed per client address (<c>Inbox:Security</c>); lockout after 5 wrong passwords guards each account on top.</summary>
public sealed class LoginLimitOptions
{
    public const string Section = "Inbox:Security";

    /// <summary>POSTs to <c>/account/login</c> per minute from one IP address; more get 429.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int LoginAttemptsPerMinute { get; set; } = 20;
}
