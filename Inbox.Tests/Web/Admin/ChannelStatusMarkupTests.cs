using Bunit;
using Inbox.Core.Channels;
using Inbox.Web.Components.Pages.Admin;

namespace Inbox.Tests.Web.Admin;

/// <summary>The channel page's alert and quota wording.</summary>
public sealed class ChannelStatusMarkupTests
{
    private static readonly DateTime Noon = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, null, "Push quota: not fetched yet")]
    [InlineData(120, 500, "Push quota: 120 / 500 this month, checked 2026-11-20 12:00 UTC")]
    [InlineData(37, null, "Push quota: 37 / unlimited this month, checked 2026-11-20 12:00 UTC")]
    public async Task LineQuota_CachedFigures_ReadAsUsedOverLimit(int? used, int? limit, string expected)
    {
        await using var ctx = MudTestContext.Create();
        var row = ALineRow() with { LineQuotaUsed = used, LineQuotaLimit = limit, LineQuotaCheckedAt = used is null ? null : Noon };

        var cut = ctx.Render<LineQuota>(p => p.Add(c => c.Row, row));

        Assert.Equal(expected, Squash(cut.Find("[data-testid=line-quota]").TextContent));
    }

    [Fact]
    public async Task LineQuota_AllUsed_MarksTheFigureSpent()
    {
        await using var ctx = MudTestContext.Create();
        var row = ALineRow() with { LineQuotaUsed = 500, LineQuotaLimit = 500, LineQuotaCheckedAt = Noon };

        var cut = ctx.Render<LineQuota>(p => p.Add(c => c.Row, row));

        cut.Find("strong").MarkupMatches("<strong class=\"quota-spent\">500 / 500</strong>");
    }

    [Fact]
    public async Task ChannelAlerts_RefusedTokenAndHumanAgent_ShowsBothWithTheirTimes()
    {
        await using var ctx = MudTestContext.Create();
        var row = ALineRow() with { Kind = ChannelKind.Messenger, AuthError = "Graph 190: Session has expired", AuthErrorAt = Noon, HumanAgentRefusedAt = Noon.AddHours(-1) };

        var cut = ctx.Render<ChannelAlerts>(p => p.Add(c => c.Row, row));

        Assert.Contains("Access token refused on 2026-11-20 12:00 UTC: Graph 190: Session has expired — enter a new token", cut.Find("[data-testid=alert-auth]").TextContent);
        Assert.Contains("Meta refused a HUMAN_AGENT send on 2026-11-20 11:00 UTC: this Page lacks the approval.", cut.Find("[data-testid=alert-human-agent]").TextContent);
    }

    [Fact]
    public async Task ChannelAlerts_PageRestrictedByMeta_SaysSoWithTheTime()
    {
        await using var ctx = MudTestContext.Create();
        var row = ALineRow() with { Kind = ChannelKind.Messenger, SendRestrictedAt = Noon };

        var cut = ctx.Render<ChannelAlerts>(p => p.Add(c => c.Row, row));

        Assert.True(ChannelAlerts.HasAlerts(row));
        Assert.Contains("Meta has restricted this Page from sending (since 2026-11-20 12:00 UTC)", cut.Find("[data-testid=alert-send-restricted]").TextContent);
    }

    [Theory]
    [InlineData(TokenExpiry.ExpiringSoon, "alert-token-expiring", "Instagram token expires on 2026-11-20 12:00 UTC and could not be refreshed — enter a new token before then.")]
    [InlineData(TokenExpiry.Expired, "alert-token-expired", "Instagram token expired on 2026-11-20 12:00 UTC — enter a new token.")]
    public async Task ChannelAlerts_InstagramTokenNearItsEnd_IsFlaggedWithTheDate(TokenExpiry expiry, string testId, string expected)
    {
        await using var ctx = MudTestContext.Create();
        var row = ALineRow() with { Kind = ChannelKind.Instagram, LoginType = LoginType.Instagram, AccessTokenExpiresAt = Noon, TokenExpiry = expiry };

        var cut = ctx.Render<ChannelAlerts>(p => p.Add(c => c.Row, row));

        Assert.True(ChannelAlerts.HasAlerts(row));
        Assert.Contains(expected, Squash(cut.Find($"[data-testid={testId}]").TextContent));
    }

    [Fact]
    public async Task ChannelAlerts_HealthyChannel_RendersNothing()
    {
        await using var ctx = MudTestContext.Create();

        var cut = ctx.Render<ChannelAlerts>(p => p.Add(c => c.Row, ALineRow()));

        Assert.False(ChannelAlerts.HasAlerts(ALineRow()));
        Assert.Equal("", cut.Markup.Trim());
    }

    private static ChannelAdminRow ALineRow() => new(
        1, "acme-line", ChannelKind.Line, "Acme LINE", "U123", "••••5678", "••••cdef", false, false, false, 0,
        null, null, null, null, null, null);

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
