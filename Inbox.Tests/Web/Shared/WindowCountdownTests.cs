using Bunit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.Web.Shared;

/// <summary>The window countdown as the page clock moves it: the time left, its urgency, and the window closing.</summary>
public sealed class WindowCountdownTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Render_AsTheClockAdvances_ShowsTheTimeLeftTickingDown()
    {
        await using var ctx = ComponentContext.Create();
        var conversation = Messenger(lastInboundAgo: TimeSpan.FromHours(20));

        var countdown = ctx.Render<WindowCountdown>(p => At(p, conversation));
        Assert.Equal("4:00:00", countdown.Find("[data-testid=countdown-time]").TextContent);
        Assert.Contains("urgency-calm", countdown.Find("[data-testid=countdown]").ClassName);

        time.Advance(TimeSpan.FromSeconds(1));
        countdown.Render(p => At(p, conversation));
        Assert.Equal("3:59:59", countdown.Find("[data-testid=countdown-time]").TextContent);
        Assert.Contains("urgency-soon", countdown.Find("[data-testid=countdown]").ClassName);

        time.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(5));
        countdown.Render(p => At(p, conversation));
        Assert.Equal("0:54:59", countdown.Find("[data-testid=countdown-time]").TextContent);
        Assert.Contains("urgency-critical", countdown.Find("[data-testid=countdown]").ClassName);
    }

    [Fact]
    public async Task Render_PastTheDeadline_SaysTheWindowClosedWithoutATime()
    {
        await using var ctx = ComponentContext.Create();
        var conversation = Messenger(lastInboundAgo: TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        var countdown = ctx.Render<WindowCountdown>(p => At(p, conversation));
        Assert.Equal("0:01:00", countdown.Find("[data-testid=countdown-time]").TextContent);

        time.Advance(TimeSpan.FromMinutes(1));
        countdown.Render(p => At(p, conversation));

        var badge = countdown.Find("[data-testid=countdown]");
        Assert.Equal("closed", badge.GetAttribute("data-state"));
        Assert.Contains("urgency-closed", badge.ClassName);
        Assert.Empty(countdown.FindAll("[data-testid=countdown-time]"));
    }

    /// <summary>What the page passes on each tick: the instant, and the policy's decision at it.</summary>
    private void At(ComponentParameterCollectionBuilder<WindowCountdown> parameters, Conversation conversation)
    {
        var now = time.GetUtcNow().UtcDateTime;
        parameters.Add(c => c.Decision, ReplyPolicy.Evaluate(ConversationFacts.Of(conversation), now)).Add(c => c.Now, now);
    }

    /// <summary>A Messenger conversation on a page without the HUMAN_AGENT tag, so the 24-hour window is the last one.</summary>
    private Conversation Messenger(TimeSpan lastInboundAgo)
    {
        var channel = new Channel { Id = 1, Key = "acme", Kind = ChannelKind.Messenger, Name = "Acme Messenger", ExternalId = "1", HumanAgentApproved = false };
        return new Conversation { Id = 7, ChannelId = 1, Channel = channel, Kind = ConversationKind.Direct, LastInboundAt = time.GetUtcNow().UtcDateTime - lastInboundAgo };
    }
}
