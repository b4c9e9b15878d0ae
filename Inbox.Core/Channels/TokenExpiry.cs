namespace Inbox.Core.Channels;

/// <summary>Where a channel's expiring access token stands (Instagram Login tokens; the others do not expire on a date Inbox knows).</summary>
public enum TokenExpiry
{
    /// <summary>Not expiring soon, or no expiry known.</summary>
    Valid,

    /// <summary>Expires within <see cref="Meta.InstagramTokenRules.WarnBefore"/>: the refresh is failing, or the token cannot be refreshed.</summary>
    ExpiringSoon,

    Expired,
}
