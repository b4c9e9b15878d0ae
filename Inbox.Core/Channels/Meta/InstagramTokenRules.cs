namespace Inbox.Core.Channels.Meta;

/// <summary>
/// When an Instagram Login token is refreshed and when it is flagged (docs/platform-rules.md §4b): Meta's long-lived
/// Instagram user tokens last 60 days, and <c>GET /refresh_access_token</c> renews one only once it is at least 24 h
/// old and not yet expired. Pure functions of the token's times and now.
/// </summary>
public static class InstagramTokenRules
{
    /// <summary>Meta: "long-lived tokens can be refreshed once they are at least 24 hours old".</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromHours(24);

    /// <summary>A token this near its end is flagged on the Channels page like a refused one.</summary>
    public static readonly TimeSpan WarnBefore = TimeSpan.FromDays(7);

    /// <summary>
    /// Whether the refresh job should renew the token now: it is at least 24 h old (or its age is unknown), it has not
    /// expired, and it expires within <paramref name="refreshBefore"/> (or its expiry is unknown, which the refresh tells).
    /// </summary>
    public static bool IsRefreshDue(DateTime? issuedAt, DateTime? expiresAt, DateTime now, TimeSpan refreshBefore) =>
        (issuedAt is null || now - issuedAt.Value >= MinimumAge)
        && (expiresAt is null || (expiresAt.Value > now && expiresAt.Value - now <= refreshBefore));

    /// <summary>Expired, expiring within <see cref="WarnBefore"/>, or fine (also when no expiry is known).</summary>
    public static TokenExpiry State(DateTime? expiresAt, DateTime now) => expiresAt switch
    {
        null => TokenExpiry.Valid,
        { } at when at <= now => TokenExpiry.Expired,
        { } at when at - now < WarnBefore => TokenExpiry.ExpiringSoon,
        _ => TokenExpiry.Valid,
    };
}
