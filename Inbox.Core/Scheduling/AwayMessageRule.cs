using System.Globalization;
using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Policy;

namespace Inbox.Core.Scheduling;

/// <summary>Whether an away message is owed for a customer message, and its text. Pure: all facts are passed in.</summary>
public static class AwayMessageRule
{
    /// <summary>Stands for "no opening ahead" as a closed period's key, so an always-closed calendar still sends once.</summary>
    public static readonly DateTime NoOpening = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Decides for a customer message received at <paramref name="now"/>. The away message goes once per conversation per
    /// closed period (the period is named by the opening that ends it), never to comment threads or LINE standby chats,
    /// and only as a free-form reply: automations never use HUMAN_AGENT, and a template is no answer to a message just received.
    /// </summary>
    /// <param name="automationDecision">The policy's decision for an <see cref="SenderKind.Automation"/> sender at <paramref name="now"/>.</param>
    public static AwayDecision Decide(
        ConversationKind kind, bool standby, BusinessCalendar calendar, DateTime now, DateTime? sentForOpening, string awayText, ReplyDecision automationDecision)
    {
        if (calendar.IsOpen(now))
        {
            return AwayDecision.No(null, "Open now.");
        }

        var period = calendar.NextOpening(now) ?? NoOpening;
        if (kind == ConversationKind.Comment)
        {
            return AwayDecision.No(period, "Comment threads never get away messages.");
        }

        if (standby)
        {
            return AwayDecision.No(period, "Standby: another app answers this chat.");
        }

        if (string.IsNullOrWhiteSpace(awayText))
        {
            return AwayDecision.No(period, "No away message is set.");
        }

        if (sentForOpening == period)
        {
            return AwayDecision.No(period, "Already sent in this closed period.");
        }

        return automationDecision.Allows(ReplyType.FreeForm)
            ? new AwayDecision(true, period, null)
            : AwayDecision.No(period, automationDecision.For(ReplyType.FreeForm)?.Reason ?? "No free-form reply is allowed now.");
    }

    /// <summary>
    /// Fills <c>{name}</c> and <c>{next_opening}</c> (local time in the calendar's zone, e.g. "Monday 09:00"; the day and
    /// month named in <paramref name="language"/>, a translation's language, English when null).
    /// </summary>
    public static string Render(string text, string contactName, DateTime? nextOpening, TimeZoneInfo zone, DateTime now, string? language = null)
    {
        var opening = CoreText.In(language, new Phrase("when we reopen"));
        if (nextOpening is { } at && at != NoOpening)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone);
            var format = at - now < TimeSpan.FromDays(6) ? "dddd HH:mm" : "dddd d MMMM HH:mm";
            opening = local.ToString(format, language is null ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language));
        }

        return text.Replace("{name}", contactName, StringComparison.OrdinalIgnoreCase)
            .Replace("{next_opening}", opening, StringComparison.OrdinalIgnoreCase)
            .Trim();
    }
}
