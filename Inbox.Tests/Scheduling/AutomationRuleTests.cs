using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Core.Scheduling;
using Inbox.Tests.Policy;
using static Inbox.Tests.Policy.Facts;

namespace Inbox.Tests.Scheduling;

/// <summary>The pure rules behind the automations, at <see cref="Facts.Now"/> (a Saturday noon UTC).</summary>
public class AutomationRuleTests
{
    private static readonly AutomationOptions Options = new();

    /// <summary>Monday to Friday 09:00–18:00 UTC: closed at <see cref="Facts.Now"/>, reopening Monday 23 November 09:00.</summary>
    private static readonly BusinessCalendar Weekdays = WeekdaysCalendar();

    private static readonly DateTime Monday = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private static BusinessCalendar WeekdaysCalendar()
    {
        var draft = BusinessHoursDraft.New(null);
        return draft.Calendar()!;
    }

    private static AwayDecision Away(ConversationFacts facts, bool standby = false, DateTime? sentFor = null, string text = "Hi {name}", BusinessCalendar? calendar = null) =>
        AwayMessageRule.Decide(facts.Kind, standby, calendar ?? Weekdays, Now, sentFor, text, ReplyPolicy.Evaluate(facts, Now, SenderKind.Automation));

    [Fact]
    public void Decide_ClosedAndNotYetSent_SendsForThePeriodEndingMonday()
    {
        var decision = Away(Messenger(0));
        Assert.True(decision.Send);
        Assert.Equal(Monday, decision.Period);
    }

    [Fact]
    public void Decide_AlreadySentThisClosedPeriod_DoesNotSendAgain()
    {
        Assert.False(Away(Messenger(0), sentFor: Monday).Send);
    }

    [Fact]
    public void Decide_SentInAnEarlierClosedPeriod_SendsAgain()
    {
        Assert.True(Away(Messenger(0), sentFor: Monday.AddDays(-3)).Send);
    }

    [Fact]
    public void Decide_Open_DoesNotSend()
    {
        Assert.False(Away(Messenger(0), calendar: BusinessCalendar.AlwaysOpen).Send);
    }

    [Fact]
    public void Decide_CommentThread_NeverSends()
    {
        Assert.False(Away(Comment(ChannelKind.Messenger, 0)).Send);
    }

    [Fact]
    public void Decide_LineStandby_NeverSends()
    {
        Assert.False(Away(Line(tokenAge: 1), standby: true).Send);
    }

    [Fact]
    public void Decide_NoAwayText_DoesNotSend()
    {
        Assert.False(Away(Messenger(0), text: " ").Send);
    }

    [Fact]
    public void Decide_FreeFormRefused_DoesNotSendAndSaysWhy()
    {
        // Eight days after the customer's message nothing may be sent, and automations never get HUMAN_AGENT.
        var decision = Away(Messenger(8 * Day));
        Assert.False(decision.Send);
        Assert.Contains("closed", decision.Reason);
    }

    [Fact]
    public void Render_Placeholders_NameAndLocalOpening()
    {
        var text = AwayMessageRule.Render("Hi {name}, back {next_opening}.", "Kim", Monday, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"), Now);
        Assert.Equal("Hi Kim, back Monday 10:00.", text);
    }

    [Theory]
    [InlineData(null, "Hi Kim, back when we reopen.")]
    [InlineData("pt-BR", "Hi Kim, back quando reabrirmos.")]
    [InlineData("it", "Hi Kim, back quando riapriremo.")]
    [InlineData("not a language!", "Hi Kim, back when we reopen.")]
    public void Render_NoOpeningAhead_SaysWhenWeReopenInTheMessagesLanguage(string? language, string expected)
    {
        var text = AwayMessageRule.Render("Hi {name}, back {next_opening}.", "Kim", AwayMessageRule.NoOpening, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"), Now, language);
        Assert.Equal(expected, text);
    }

    [Fact]
    public void FlagFor_SaturdayMessageWindowEndsBeforeMonday_FlaggedForMonday()
    {
        Assert.Equal(Monday, ReopeningWarning.FlagFor(Messenger(0), Weekdays, Now));
    }

    [Fact]
    public void FlagFor_LineHasNoWindow_NotFlagged()
    {
        Assert.Null(ReopeningWarning.FlagFor(Line(tokenAge: 1), Weekdays, Now));
    }

    [Fact]
    public void Describe_MessengerWithApproval_HumanAgentUntil()
    {
        Assert.Contains("HUMAN_AGENT reply until Sat 28 Nov 12:00 UTC", ReopeningWarning.Describe(Messenger(0), Monday));
    }

    [Fact]
    public void Describe_WhatsApp_TemplatesOnly()
    {
        Assert.Contains("templates only", ReopeningWarning.Describe(WhatsApp(0), Monday));
    }

    [Fact]
    public void Plan_MessengerWithApproval_ReminderAt23HoursAndBeforeTheHumanAgentWindowEnds()
    {
        var plan = WindowReminderRule.Plan(Messenger(0), Options, Now);
        Assert.Equal([(AutomationKind.WindowReminder, Now.AddHours(23)), (AutomationKind.HumanAgentReminder, Now.AddDays(7).AddHours(-1))], plan);
    }

    [Fact]
    public void Plan_WhatsApp_OnlyTheStandardWindowReminder()
    {
        Assert.Equal([(AutomationKind.WindowReminder, Now.AddHours(23))], WindowReminderRule.Plan(WhatsApp(0), Options, Now));
    }

    [Fact]
    public void Plan_MessageProcessedAfterTheReminderTimeWithTheWindowStillOpen_ReminderDueAtOnce()
    {
        var late = (int)TimeSpan.FromHours(23.5).TotalSeconds;

        Assert.Equal([(AutomationKind.WindowReminder, Now)], WindowReminderRule.Plan(WhatsApp(late), Options, Now));
    }

    [Fact]
    public void Plan_MessageProcessedAfterItsWindowClosed_NoStandardReminder()
    {
        Assert.Empty(WindowReminderRule.Plan(WhatsApp((int)TimeSpan.FromHours(25).TotalSeconds), Options, Now));
    }

    [Fact]
    public void Plan_HumanAgentReminderTimePassedWhileThatWindowIsOpen_DueAtOnce()
    {
        var late = (int)(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(30)).TotalSeconds;

        Assert.Equal([(AutomationKind.HumanAgentReminder, Now)], WindowReminderRule.Plan(Messenger(late), Options, Now));
    }

    [Fact]
    public void Plan_LineOrComment_NoReminder()
    {
        Assert.Empty(WindowReminderRule.Plan(Line(tokenAge: 1), Options, Now));
        Assert.Empty(WindowReminderRule.Plan(Comment(ChannelKind.Messenger, 0), Options, Now));
    }

    [Fact]
    public void WhyNot_UnansweredWithinTheWindow_ReminderOwed()
    {
        Assert.Null(WindowReminderRule.WhyNot(AutomationKind.WindowReminder, Messenger(23 * Hour), ConversationStatus.Open, answered: false, Now, out var closes));
        Assert.Equal(Now.AddHours(1), closes);
    }

    [Fact]
    public void WhyNot_AgentAnswered_NotOwed()
    {
        Assert.Equal("An agent answered.", WindowReminderRule.WhyNot(AutomationKind.WindowReminder, Messenger(23 * Hour), ConversationStatus.Open, answered: true, Now, out _));
    }

    [Fact]
    public void WhyNot_WindowAlreadyClosed_NotOwed()
    {
        Assert.NotNull(WindowReminderRule.WhyNot(AutomationKind.WindowReminder, WhatsApp(25 * Hour), ConversationStatus.Open, answered: false, Now, out _));
    }

    [Fact]
    public void Choose_InsideTheWindow_FreeFormQuestion()
    {
        var (request, skip) = CsatRule.Choose(ChannelKind.Messenger, ConversationKind.Direct, ReplyPolicy.Evaluate(Messenger(Hour), Now, SenderKind.Automation), Options, false);
        Assert.Null(skip);
        Assert.Equal(ReplyType.FreeForm, request!.ReplyType);
    }

    [Fact]
    public void Choose_WhatsAppOutsideTheWindowWithTemplate_UtilityTemplate()
    {
        var (request, _) = CsatRule.Choose(ChannelKind.WhatsApp, ConversationKind.Direct, ReplyPolicy.Evaluate(WhatsApp(2 * Day), Now, SenderKind.Automation), Options, true);
        Assert.Equal("csat_survey", request!.Template!.Name);
    }

    [Fact]
    public void Choose_WhatsAppOutsideTheWindowWithoutTemplate_SkippedWithReason()
    {
        var (request, skip) = CsatRule.Choose(ChannelKind.WhatsApp, ConversationKind.Direct, ReplyPolicy.Evaluate(WhatsApp(2 * Day), Now, SenderKind.Automation), Options, false);
        Assert.Null(request);
        Assert.Contains("not registered", skip?.ToString());
    }

    [Fact]
    public void Choose_MessengerAfter24Hours_SkippedBecauseAutomationsNeverUseHumanAgent()
    {
        var (request, skip) = CsatRule.Choose(ChannelKind.Messenger, ConversationKind.Direct, ReplyPolicy.Evaluate(Messenger(2 * Day), Now, SenderKind.Automation), Options, false);
        Assert.Null(request);
        Assert.Contains("automated messages may not use it", skip?.ToString());
    }

    [Theory]
    [InlineData("4", 4)]
    [InlineData(" 5/5 ", 5)]
    [InlineData("I'd say 3", null)]
    [InlineData("7", null)]
    public void Read_ResolvedAndAsked_ScoreOfALoneDigit(string text, int? score)
    {
        var conversation = new Conversation { Status = ConversationStatus.Resolved, CsatAskedAt = Now };
        Assert.Equal(score, CsatAnswer.Read(conversation, text));
    }

    [Fact]
    public void Read_NotAsked_NoScore()
    {
        Assert.Null(CsatAnswer.Read(new Conversation { Status = ConversationStatus.Resolved }, "5"));
    }
}
