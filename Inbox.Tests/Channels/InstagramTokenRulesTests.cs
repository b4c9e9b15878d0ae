using Inbox.Core.Channels;
using Inbox.Core.Channels.Meta;

namespace Inbox.Tests.Channels;

/// <summary>When an Instagram Login token is refreshed and flagged: refreshable once 24 h old and before it expires; flagged within 7 days.</summary>
public sealed class InstagramTokenRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromDays(30);

    [Theory]
    [InlineData("issued 24 h ago, expiry unknown", 24 * 60, null, true)]
    [InlineData("issued 24 h − 1 min ago, expiry unknown", 24 * 60 - 1, null, false)]
    [InlineData("age unknown, expiry unknown", null, null, true)]
    [InlineData("expires in exactly 30 d", 30 * 24 * 60, 30 * 24 * 60, true)]
    [InlineData("expires in 30 d + 1 min", 30 * 24 * 60, 30 * 24 * 60 + 1, false)]
    [InlineData("expires in 1 min", 59 * 24 * 60, 1, true)]
    [InlineData("expired a minute ago", 61 * 24 * 60, -1, false)]
    [InlineData("fresh but near expiry (12 h old)", 12 * 60, 5 * 24 * 60, false)]
    public void IsRefreshDue_Table(string situation, int? ageMinutes, int? expiresInMinutes, bool due)
    {
        DateTime? issuedAt = ageMinutes is { } age ? Now.AddMinutes(-age) : null;
        DateTime? expiresAt = expiresInMinutes is { } left ? Now.AddMinutes(left) : null;

        Assert.True(due == InstagramTokenRules.IsRefreshDue(issuedAt, expiresAt, Now, RefreshBefore), situation);
    }

    [Theory]
    [InlineData(null, TokenExpiry.Valid)]
    [InlineData(7 * 24 * 60, TokenExpiry.Valid)]
    [InlineData(7 * 24 * 60 - 1, TokenExpiry.ExpiringSoon)]
    [InlineData(1, TokenExpiry.ExpiringSoon)]
    [InlineData(0, TokenExpiry.Expired)]
    [InlineData(-60, TokenExpiry.Expired)]
    public void State_Table(int? expiresInMinutes, TokenExpiry expected)
    {
        DateTime? expiresAt = expiresInMinutes is { } left ? Now.AddMinutes(left) : null;

        Assert.Equal(expected, InstagramTokenRules.State(expiresAt, Now));
    }
}
