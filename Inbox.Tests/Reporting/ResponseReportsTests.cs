using Inbox.Core.Channels;
using Inbox.Core.Policy;
using Inbox.Core.Reporting;
using Inbox.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Tests.Reporting;

/// <summary>The range reports' SQL on hand-written facts with known answers.</summary>
public class ResponseReportsTests : CoreTestBase
{
    private Channel channel = null!;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton(Options.Create(new ReportingOptions())).AddSingleton<IReportingCalendar, NoReportingCalendar>().AddSingleton<ResponseReports>();

    [Fact]
    public async Task WindowsLost_ClosedUnansweredOrAnsweredLate_CountsLostAndSaves()
    {
        var now = Harness.Time.UtcNow;
        var closes = now.AddHours(-2);
        await AddAsync(
            Fact(closes, respondedAt: closes.AddHours(-20)),
            Fact(closes),
            Fact(closes, respondedAt: closes.AddHours(1), type: ReplyType.HumanAgentTag),
            Fact(closes, respondedAt: closes.AddHours(1), type: ReplyType.Template),
            Fact(now.AddHours(3)),
            Fact(null));

        var report = await Harness.Get<ResponseReports>().WindowsLostAsync(Last30Days());

        Assert.Equal(new WindowsLostRow(channel.Name, 5, 3, 1, 1), Assert.Single(report.ByChannel));
        Assert.Equal("Unassigned", Assert.Single(report.ByAgent).Group);
    }

    [Fact]
    public async Task ResponseTimes_FactsInAndOutOfRange_OnlyTheRangeCounts()
    {
        var now = Harness.Time.UtcNow;
        await AddAsync(Fact(null, respondedAt: now.AddDays(-1), seconds: 240), Fact(null, seconds: null), Fact(null, respondedAt: now.AddDays(-60), seconds: 60, receivedAt: now.AddDays(-60)));

        var times = await Harness.Get<ResponseReports>().ResponseTimesAsync(Last30Days());

        Assert.Equal((1, 1), (times.First.Answered, times.First.Unanswered));
        Assert.Equal(4, times.First.P50Minutes);
    }

    [Fact]
    public async Task Backlog_TurnWaitingSinceBeforeTheRange_CountsEveryDay()
    {
        var now = Harness.Time.UtcNow;
        await AddAsync(Fact(null, receivedAt: now.AddDays(-40)), Fact(null, respondedAt: now.AddDays(-1), receivedAt: now.AddDays(-3), seconds: 3600 * 48));

        var points = await Harness.Get<ResponseReports>().BacklogAsync(Last30Days());

        Assert.Equal(30, points.Count);
        Assert.Equal(1, points[0].Waiting);
        Assert.Equal(2, points[^3].Waiting);
        Assert.Equal(1, points[^1].Waiting);
    }

    private ReportFilter Last30Days()
    {
        var today = ReportFilter.Today(Harness.Time, TimeZoneInfo.Utc);
        return ReportFilter.ForDays(today.AddDays(-29), today, TimeZoneInfo.Utc);
    }

    private ResponseFact Fact(DateTime? windowClosesAt, DateTime? respondedAt = null, ReplyType? type = ReplyType.FreeForm, int? seconds = 60, DateTime? receivedAt = null) => new()
    {
        ReceivedAt = receivedAt ?? Harness.Time.UtcNow.AddDays(-2), LastInboundAt = Harness.Time.UtcNow.AddDays(-2),
        InboundCount = 1, IsFirst = true, RespondedAt = respondedAt, EndedAt = respondedAt, ResponseSeconds = respondedAt is null ? null : seconds,
        ResponseType = respondedAt is null ? null : type, WindowClosesAt = windowClosesAt,
    };

    private async Task AddAsync(params ResponseFact[] facts)
    {
        channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var conversation = await Harness.AddConversationAsync(channel, TimeSpan.Zero);
        await using var db = Harness.Open();
        foreach (var fact in facts)
        {
            fact.ConversationId = conversation.Id;
            fact.ChannelId = channel.Id;
        }

        db.Set<ResponseFact>().AddRange(facts);
        await db.SaveChangesAsync();
    }
}
