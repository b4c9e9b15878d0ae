using System.Text.Json;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Policy;
using Inbox.Core.Reporting;
using Inbox.Core.Routing;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Tests.Reporting;

/// <summary>
/// The roll-up answers exactly as the facts do: on a generated year over ranges of local days in several time zones and
/// every filter, and while messages, assignments, resolutions, surveys, deletes and a rebuild change the facts.
/// </summary>
public class ResponseRollupTests : CoreTestBase
{
    private static readonly string[] Zones = ["UTC", "America/Sao_Paulo", "Asia/Kolkata"];

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Options.Create(new ReportingOptions())).AddSingleton<IReportingCalendar, NoReportingCalendar>()
            .AddSingleton<ResponseReports>().AddSingleton<CsatReport>().AddSingleton<CsatRecorder>().AddSingleton<AgentReport>()
            .AddSingleton<Inbox.Core.Channels.Inbound.IngestWriteGate>().AddSingleton<ResponseFactsUpdater>().AddSingleton<ReportingBackfill>();
        services.AddSingleton<IDomainEventBatchHandler<MessageReceived>, RefreshFactsOnMessageReceived>();
        services.AddSingleton<IDomainEventHandler<MessageStatusChanged>, RefreshFactsOnMessageSent>();
        services.AddSingleton<IDomainEventBatchHandler<ConversationUpdated>, RefreshFactsOnConversationUpdated>();
    }

    [Fact]
    public async Task Reports_GeneratedYear_RollupAnswersEqualFactAnswers()
    {
        var channels = new[] { await Harness.AddChannelAsync(ChannelKind.Messenger), await Harness.AddChannelAsync(ChannelKind.WhatsApp) };
        var agents = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            agents.Add((await Harness.AddAgentAsync($"Agent {i}")).Id);
        }

        var conversations = new List<(int, int)>();
        foreach (var channel in channels.Concat(channels))
        {
            conversations.Add(((await Harness.AddConversationAsync(channel, TimeSpan.Zero)).Id, channel.Id));
        }

        await using (var db = Harness.Open())
        {
            db.Set<ResponseFact>().AddRange(GeneratedFacts.Make(3000, Harness.Time.UtcNow, conversations, agents));
            await db.SaveChangesAsync();
        }

        await AssertRollupEqualsFactsAsync();
        var ranges = Ranges().ToList();
        var filters = ranges.Concat(ranges.Take(2).SelectMany(r => new[]
        {
            r with { ChannelId = channels[0].Id }, r with { TeamId = 2 }, r with { AgentId = agents[1] },
            r with { ChannelId = channels[1].Id, TeamId = 1, AgentId = agents[0] },
        }));
        foreach (var filter in filters)
        {
            await AssertReportsEqualAsync(filter);
        }

        // Deleting conversations (retention, erasure) cascades to their facts, and the roll-up follows.
        await using (var db = Harness.Open())
        {
            await db.Conversations.Where(c => c.Id == conversations[0].Item1).ExecuteDeleteAsync();
        }

        await AssertRollupEqualsFactsAsync();
        await AssertReportsEqualAsync(ranges[1]);
    }

    [Fact]
    public async Task Events_MessagesAssignmentsResolutionsAndSurveys_RollupStaysEqual()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        var (ann, bob) = (await Harness.AddAgentAsync("Ann"), await Harness.AddAgentAsync("Bob"));
        var first = await Harness.AddConversationAsync(channel, TimeSpan.Zero, ann.Id);
        var second = await Harness.AddConversationAsync(channel, TimeSpan.Zero);
        var events = Harness.Get<DomainEvents>();

        await CustomerWritesAsync(first);
        await CustomerWritesAsync(second);
        Harness.Time.Advance(TimeSpan.FromMinutes(7));
        await AssertRollupEqualsFactsAsync();

        await ReplyAsync(first, ann.Id);
        await SetAsync(second, c => c.AssigneeId = bob.Id);
        await events.PublishAsync(new ConversationUpdated(second.Id, ConversationUpdate.Assignment));
        await AssertRollupEqualsFactsAsync();

        Harness.Time.Advance(TimeSpan.FromDays(2));
        await CustomerWritesAsync(first);
        Harness.Time.Advance(TimeSpan.FromHours(30));
        await ReplyAsync(first, ann.Id, ReplyType.HumanAgentTag);
        await SetAsync(second, c => c.Status = ConversationStatus.Resolved);
        await events.PublishAsync(new ConversationUpdated(second.Id, ConversationUpdate.Status));
        await AssertRollupEqualsFactsAsync();

        var surveys = Harness.Get<CsatRecorder>();
        await surveys.SurveySentAsync(first.Id, Harness.Time.UtcNow);
        await surveys.AnsweredAsync(first.Id, 4, Harness.Time.UtcNow);
        await AssertRollupEqualsFactsAsync();
        foreach (var filter in Ranges())
        {
            await AssertReportsEqualAsync(filter);
        }

        var rows = await Harness.Get<AgentReport>().RowsAsync(Ranges().First());
        Assert.Equal((2, 0, 4.0), (rows.Single(r => r.Name == "Ann").Answered, rows.Single(r => r.Name == "Ann").Waiting, rows.Single(r => r.Name == "Ann").CsatAverage));
    }

    [Fact]
    public async Task Rebuild_FactsRebuilt_RollupSummedAgainAndKeptCurrentAfterwards()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.WhatsApp);
        var conversation = await Harness.AddConversationAsync(channel, TimeSpan.Zero);
        await CustomerWritesAsync(conversation);
        Harness.Time.Advance(TimeSpan.FromMinutes(3));
        await ReplyAsync(conversation, null);

        Assert.Equal(1, await Harness.Get<ReportingBackfill>().RebuildAsync());
        await AssertRollupEqualsFactsAsync();

        Harness.Time.Advance(TimeSpan.FromHours(2));
        await CustomerWritesAsync(conversation);
        await AssertRollupEqualsFactsAsync();
        await using var db = Harness.Open();
        Assert.Equal(2, await db.Set<ResponseRollup>().Where(r => !r.IsMonth).SumAsync(r => r.Turns));
    }

    /// <summary>Local-day ranges in several zones (30 days, a year), and ranges that start or end mid-day or hold no whole day.</summary>
    private IEnumerable<ReportFilter> Ranges()
    {
        foreach (var zone in Zones.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            var today = ReportFilter.Today(Harness.Time, zone);
            yield return ReportFilter.ForDays(today.AddDays(-29), today, zone);
            yield return ReportFilter.ForDays(today.AddDays(-364), today, zone);
        }

        var now = Harness.Time.UtcNow;
        yield return new ReportFilter(now.AddDays(-365), now.AddDays(1));
        yield return new ReportFilter(now.AddDays(-3).AddHours(-5), now.AddDays(-3));
        yield return new ReportFilter(now.AddDays(-400), now.AddDays(-100));
    }

    private async Task AssertReportsEqualAsync(ReportFilter filter)
    {
        var rollups = Reports(readRollups: true);
        var facts = Reports(readRollups: false);
        Assert.Equal(Json(await facts.Responses.ResponseTimesAsync(filter)), Json(await rollups.Responses.ResponseTimesAsync(filter)));
        Assert.Equal(Json(await facts.Responses.WindowsLostAsync(filter)), Json(await rollups.Responses.WindowsLostAsync(filter)));
        Assert.Equal(Json(await facts.Agents.RowsAsync(filter)), Json(await rollups.Agents.RowsAsync(filter)));
    }

    private (ResponseReports Responses, AgentReport Agents) Reports(bool readRollups)
    {
        var options = Options.Create(new ReportingOptions { ReadRollups = readRollups });
        return (ActivatorUtilities.CreateInstance<ResponseReports>(Harness.Services, options), ActivatorUtilities.CreateInstance<AgentReport>(Harness.Services, options));
    }

    /// <summary>The roll-up table holds exactly the sums of the facts, day and month rows alike.</summary>
    private async Task AssertRollupEqualsFactsAsync()
    {
        await using var db = Harness.Open();
        var facts = await db.Set<ResponseFact>().AsNoTracking().ToListAsync();
        var expected = facts.SelectMany(f => new[] { Row(f, month: false), Row(f, month: true) })
            .GroupBy(r => (r.IsMonth, r.Start, r.ChannelId, r.TeamId, r.AgentId, r.IsFirst, r.Bucket))
            .Select(g => Json(new { g.Key, Counts = (g.Sum(r => r.Turns), g.Sum(r => r.WithWindow), g.Sum(r => r.LostIfClosed), g.Sum(r => r.SavedByHumanAgent), g.Sum(r => r.SavedByTemplate)) }))
            .Order(StringComparer.Ordinal).ToList();
        var actual = (await db.Set<ResponseRollup>().AsNoTracking().ToListAsync())
            .Where(r => (r.Turns, r.WithWindow, r.LostIfClosed, r.SavedByHumanAgent, r.SavedByTemplate) != (0, 0, 0, 0, 0))
            .Select(r => Json(new { Key = (r.IsMonth, r.Start, r.ChannelId, r.TeamId, r.AgentId, r.IsFirst, r.Bucket), Counts = (r.Turns, r.WithWindow, r.LostIfClosed, r.SavedByHumanAgent, r.SavedByTemplate) }))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(actual);
        Assert.Equal(expected, actual);
    }

    private static ResponseRollup Row(ResponseFact f, bool month)
    {
        var lost = f.WindowClosesAt is { } closes && (f.RespondedAt is null || f.RespondedAt >= closes);
        var start = month ? new DateTime(f.ReceivedAt.Year, f.ReceivedAt.Month, 1, 0, 0, 0, DateTimeKind.Utc) : DateTime.SpecifyKind(f.ReceivedAt.Date, DateTimeKind.Utc);
        return new ResponseRollup
        {
            IsMonth = month, Start = start, ChannelId = f.ChannelId, TeamId = f.TeamId ?? 0, AgentId = f.AgentId ?? 0, IsFirst = f.IsFirst,
            Bucket = f.RespondedAt is null ? RollupBuckets.Unanswered : f.ResponseSeconds is { } s ? RollupBuckets.Of(s) : RollupBuckets.NoSeconds,
            Turns = 1, WithWindow = f.WindowClosesAt is null ? 0 : 1, LostIfClosed = lost ? 1 : 0,
            SavedByHumanAgent = lost && f.RespondedAt is not null && f.ResponseType == ReplyType.HumanAgentTag ? 1 : 0,
            SavedByTemplate = lost && f.RespondedAt is not null && f.ResponseType == ReplyType.Template ? 1 : 0,
        };
    }

    private async Task CustomerWritesAsync(Conversation conversation)
    {
        var message = await AddMessageAsync(conversation, MessageAuthor.Customer, DeliveryStatus.Received, null, null);
        await Harness.Get<DomainEvents>().PublishAsync(new MessageReceived(conversation.Id, message.Id, conversation.ChannelId, true, false));
    }

    private async Task ReplyAsync(Conversation conversation, int? agentId, ReplyType type = ReplyType.FreeForm)
    {
        var message = await AddMessageAsync(conversation, MessageAuthor.Agent, DeliveryStatus.Sent, type, agentId);
        await Harness.Get<DomainEvents>().PublishAsync(new MessageStatusChanged(conversation.Id, message.Id, DeliveryStatus.Sent));
    }

    private async Task<Message> AddMessageAsync(Conversation conversation, MessageAuthor author, DeliveryStatus status, ReplyType? type, int? agentId)
    {
        await using var db = Harness.Open();
        var message = new Message
        {
            ConversationId = conversation.Id, ChannelId = conversation.ChannelId, Author = author, Status = status, ReplyType = type, AgentId = agentId, Text = "…",
            Direction = author == MessageAuthor.Customer ? MessageDirection.Inbound : MessageDirection.Outbound,
            SentAt = Harness.Time.UtcNow, CreatedAt = Harness.Time.UtcNow,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    private async Task SetAsync(Conversation conversation, Action<Conversation> change)
    {
        await using var db = Harness.Open();
        var stored = await db.Conversations.SingleAsync(c => c.Id == conversation.Id);
        change(stored);
        await db.SaveChangesAsync();
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { IncludeFields = true });
}
