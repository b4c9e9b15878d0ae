using Bunit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.Web.Shared;

/// <summary>
/// The window countdown as the circuit clock moves it: the server renders it when it is shown and when its colour
/// changes, hands the ticking of its text to the browser with the deadline, and tells its owner once when the deadline
/// passes.
/// </summary>
public sealed class WindowCountdownTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Clock_AdvancesOverHours_CountdownShowsHoursAndMinutesAndChangesColour()
    {
        await using var ctx = ComponentContext.Create(time: time);
        var countdown = ctx.Render<WindowCountdown>(p => At(p, Messenger(lastInboundAgo: TimeSpan.FromHours(20))));
        Assert.Equal("4h 00m", TimeLeft(countdown));
        Assert.Contains("urgency-calm", countdown.Find("[data-testid=countdown]").ClassName);

        time.Advance(TimeSpan.FromSeconds(1));
        countdown.WaitForAssertion(() => Assert.Equal("3h 59m", TimeLeft(countdown)));
        Assert.Contains("urgency-soon", countdown.Find("[data-testid=countdown]").ClassName);

        Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(5));
        countdown.WaitForAssertion(() => Assert.Contains("urgency-critical", countdown.Find("[data-testid=countdown]").ClassName));
        Assert.Contains("Under an hour left", countdown.Find("[data-testid=countdown]").TextContent);
        Assert.Equal("59:59", TimeLeft(countdown));
    }

    [Fact]
    public async Task Clock_RunsForHours_ServerRendersOnlyWhenTheColourChangesAndLeavesTheTickingToTheBrowser()
    {
        await using var ctx = ComponentContext.Create(time: time);
        var conversation = Messenger(lastInboundAgo: TimeSpan.FromHours(18));
        var deadline = conversation.LastInboundAt!.Value.AddHours(24);
        var countdown = ctx.Render<WindowCountdown>(p => At(p, conversation));
        Assert.Equal("6h 00m", TimeLeft(countdown));
        Assert.Contains("urgency-calm", countdown.Find("[data-testid=countdown]").ClassName);

        // The span carries what the browser needs to tick the text: the deadline and the server's instant at the
        // render (Unix milliseconds).
        var span = countdown.Find("[data-testid=countdown-time]");
        Assert.Equal(Ms(deadline), span.GetAttribute("data-deadline"));
        Assert.Equal(Ms(time.GetUtcNow().UtcDateTime), span.GetAttribute("data-now"));
        var renders = countdown.RenderCount;

        // Two hours of ticking cost the server nothing: the text it sent is the browser's to move.
        Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(renders, countdown.RenderCount);
        Assert.Equal("6h 00m", TimeLeft(countdown));

        // Under 4 hours the colour changes: one render, with a new instant for the browser.
        Advance(TimeSpan.FromSeconds(2));
        countdown.WaitForAssertion(() => Assert.Contains("urgency-soon", countdown.Find("[data-testid=countdown]").ClassName));
        Assert.Equal("3h 59m", TimeLeft(countdown));
        Assert.Equal(renders + 1, countdown.RenderCount);
        Assert.Equal(Ms(time.GetUtcNow().UtcDateTime), countdown.Find("[data-testid=countdown-time]").GetAttribute("data-now"));

        // Under an hour: one more, and none after it until the deadline.
        Advance(TimeSpan.FromHours(3));
        countdown.WaitForAssertion(() => Assert.Contains("urgency-critical", countdown.Find("[data-testid=countdown]").ClassName));
        Assert.Equal(renders + 2, countdown.RenderCount);
        Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(renders + 2, countdown.RenderCount);
    }

    [Theory]
    [InlineData(24, "20:00:00", "20:00:00.001")]
    [InlineData(24, "19:59:30", "20:00:00.001")]
    [InlineData(24, "2:10:00", "20:00:00.001")]
    [InlineData(24, "20:00:29", "23:00:00.001")]
    [InlineData(24, "22:59:59.5", "23:00:00.001")]
    [InlineData(24, "23:00:00", "23:00:00.001")]
    [InlineData(24, "23:30:00", "1.00:00:00")]
    [InlineData(168, "1:30:00", "6.20:00:00.001")]
    [InlineData(168, "6.00:00:00", "6.20:00:00.001")]
    public void NextChange_TimeLeft_IsWhenTheColourChangesAt4HoursAnd1HourThenTheDeadline(int windowHours, string elapsed, string next)
    {
        // A window opened at midnight: the instants are given as the time since then.
        var opened = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        var deadline = opened.AddHours(windowHours);
        var now = opened + TimeSpan.Parse(elapsed, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(opened + TimeSpan.Parse(next, System.Globalization.CultureInfo.InvariantCulture), Countdown.NextChange(deadline, now));
    }

    [Fact]
    public void NextChange_DeadlinePassed_IsNever()
    {
        var deadline = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        Assert.Null(Countdown.NextChange(deadline, deadline));
        Assert.Null(Countdown.NextChange(deadline, deadline.AddSeconds(1)));
    }

    [Fact]
    public async Task Clock_PassesTheDeadline_OwnerIsToldOnceAndTheNewDecisionSaysTheWindowClosed()
    {
        await using var ctx = ComponentContext.Create(time: time);
        var conversation = Messenger(lastInboundAgo: TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        var told = 0;
        var countdown = ctx.Render<WindowCountdown>(p => At(p, conversation).Add(c => c.OnDeadline, () => told++));
        Assert.Equal("1:00", TimeLeft(countdown));

        Advance(TimeSpan.FromMinutes(1));
        Advance(TimeSpan.FromSeconds(5));
        countdown.WaitForAssertion(() => Assert.Equal(1, told));

        countdown.Render(p => At(p, conversation));
        var badge = countdown.Find("[data-testid=countdown]");
        Assert.Equal("closed", badge.GetAttribute("data-state"));
        Assert.Contains("urgency-closed", badge.ClassName);
        Assert.Empty(countdown.FindAll("[data-testid=countdown-time]"));
    }

    [Theory]
    [InlineData(0, 0, 0, 0, "0:00")]
    [InlineData(0, 0, 0, 9, "0:09")]
    [InlineData(0, 0, 42, 7, "42:07")]
    [InlineData(0, 4, 7, 31, "4h 07m")]
    [InlineData(3, 4, 7, 31, "3d 04h")]
    public void Format_TimeLeft_ShowsSecondsOnlyInTheLastHour(int days, int hours, int minutes, int seconds, string shown)
    {
        Assert.Equal(shown, Countdown.Format(new TimeSpan(days, hours, minutes, seconds)));
    }

    private static string TimeLeft(IRenderedComponent<WindowCountdown> countdown) => countdown.Find("[data-testid=countdown-time]").TextContent;

    /// <summary>Moves the clock one second at a time, as the circuit clock's timer fires in production.</summary>
    private void Advance(TimeSpan by)
    {
        for (var i = 0; i < (int)by.TotalSeconds; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>What the page passes when it renders: the instant, and the policy's decision at it.</summary>
    private ComponentParameterCollectionBuilder<WindowCountdown> At(ComponentParameterCollectionBuilder<WindowCountdown> parameters, Conversation conversation)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return parameters.Add(c => c.Decision, ReplyPolicy.Evaluate(ConversationFacts.Of(conversation), now));
    }

    /// <summary>A Messenger conversation on a page without the HUMAN_AGENT tag, so the 24-hour window is the last one.</summary>
    private Conversation Messenger(TimeSpan lastInboundAgo)
    {
        var channel = new Channel { Id = 1, Key = "acme", Kind = ChannelKind.Messenger, Name = "Acme Messenger", ExternalId = "1", HumanAgentApproved = false };
        return new Conversation { Id = 7, ChannelId = 1, Channel = channel, Kind = ConversationKind.Direct, LastInboundAt = time.GetUtcNow().UtcDateTime - lastInboundAgo };
    }

    private static string Ms(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
