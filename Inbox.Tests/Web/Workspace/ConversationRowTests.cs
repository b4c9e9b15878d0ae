using Bunit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Pages.Workspace;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.Web.Workspace;

/// <summary>
/// A list row keeps its age and countdown current by itself, rendering again only when one of them changes: an idle
/// inbox costs the server a render per row per minute at most.
/// </summary>
public sealed class ConversationRowTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 30, TimeSpan.Zero));

    [Fact]
    public async Task Clock_Ticks_AgeAndCountdownMoveOnOncePerMinuteAndTheDeadlineIsReportedOnce()
    {
        await using var ctx = ComponentContext.Create(time: time);
        var now = time.GetUtcNow().UtcDateTime;

        // The customer wrote 23 h 58 min 30 s ago: a minute and a half of the 24-hour window is left.
        var lastInbound = now - TimeSpan.FromHours(24) + TimeSpan.FromSeconds(90);
        var deadlines = 0;
        var row = ctx.Render<ConversationRow>(p => p
            .Add(r => r.Row, Summary(lastInbound, lastMessage: now.AddMinutes(-5).AddSeconds(-10)))
            .Add(r => r.Now, now)
            .Add(r => r.OnDeadline, () => deadlines++));
        Assert.Equal("5 min", row.Find(".row-time").TextContent);
        Assert.Equal("1:30", row.Find("[data-testid=countdown-time]").TextContent);
        Assert.NotNull(row.Find("[data-testid=countdown-time]").GetAttribute("data-deadline"));
        Assert.Single(row.FindAll("[data-testid=channel-icon]"));
        Assert.Equal("–", row.Find("[data-testid=assignee]").TextContent);
        var renders = row.RenderCount;

        // The seconds are the browser's: 40 s pass, and the server renders nothing until the age turns.
        Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(renders, row.RenderCount);
        Advance(TimeSpan.FromSeconds(20));
        row.WaitForAssertion(() => Assert.Equal("6 min", row.Find(".row-time").TextContent));
        Assert.Equal(renders + 1, row.RenderCount);

        // At the deadline the page is told, once.
        Advance(TimeSpan.FromMinutes(2));
        row.WaitForAssertion(() => Assert.Equal(1, deadlines));
        Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, deadlines);
    }

    [Fact]
    public async Task Render_AssigneeNameWithMarkup_IsShownAsTextNeverAsHtml()
    {
        await using var ctx = ComponentContext.Create(time: time);
        var now = time.GetUtcNow().UtcDateTime;
        var name = "Eve \"<b onclick=x>Bold</b>\" & Ann";

        var row = ctx.Render<ConversationRow>(p => p
            .Add(r => r.Row, Summary(now.AddHours(-2), lastMessage: now.AddHours(-2)) with { AssigneeName = name })
            .Add(r => r.Now, now));

        var assignee = row.Find("[data-testid=assignee]");
        Assert.Equal(name, assignee.GetAttribute("title"));
        Assert.Equal("E\"", assignee.TextContent);
        Assert.Empty(row.FindAll("b"));
        Assert.Single(row.FindAll("[data-testid=countdown]"));
        Assert.Equal("Messenger", row.Find("[data-testid=channel-icon]").GetAttribute("title"));
    }

    private static ConversationSummary Summary(DateTime lastInbound, DateTime lastMessage)
    {
        var channel = new Channel { Id = 1, Key = "acme", Kind = ChannelKind.Messenger, Name = "Acme Messenger", ExternalId = "1", HumanAgentApproved = false };
        var conversation = new Conversation { Id = 7, ChannelId = 1, Channel = channel, Kind = ConversationKind.Direct, LastInboundAt = lastInbound };
        return new ConversationSummary(
            7, ConversationKind.Direct, "acme", "Acme Messenger", ChannelKind.Messenger, 3, "Jonas Lindqvist", "psid-1", ConversationStatus.Open,
            null, null, lastInbound, lastMessage, "Where is my parcel?", 1, ConversationFacts.Of(conversation));
    }

    /// <summary>Moves the clock one second at a time, as real time passes.</summary>
    private void Advance(TimeSpan by)
    {
        for (var i = 0; i < (int)by.TotalSeconds; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
