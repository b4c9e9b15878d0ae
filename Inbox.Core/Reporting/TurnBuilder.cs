using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;

namespace Inbox.Core.Reporting;

/// <summary>
/// Cuts a conversation's timeline into customer turns (<see cref="ResponseFact"/>). A pure function: the same
/// timeline always gives the same facts, so facts can be rebuilt at any time from the messages.
/// </summary>
public static class TurnBuilder
{
    /// <summary>Facebook: a message counts when it follows at least 24 h in which neither side wrote (docs/platform-rules.md §7).</summary>
    public static readonly TimeSpan CountedSilence = TimeSpan.FromHours(24);

    public static List<ResponseFact> Build(ConversationTimeline timeline, IReportingCalendar calendar)
    {
        var turns = new List<ResponseFact>();
        ResponseFact? waiting = null;
        DateTime? lastWritten = null;
        foreach (var message in timeline.Messages.Where(Written).OrderBy(m => m.At).ThenBy(m => m.Id))
        {
            if (message.Author == MessageAuthor.Customer)
            {
                var afterSilence = lastWritten is not { } last || message.At - last >= CountedSilence;
                if (waiting is not null && !afterSilence)
                {
                    waiting.LastInboundAt = message.At;
                    waiting.InboundCount++;
                }
                else
                {
                    // A new counted message supersedes an unanswered turn: it stays unanswered, and stops waiting here.
                    if (waiting is not null)
                    {
                        waiting.EndedAt = message.At;
                    }

                    waiting = NewTurn(timeline, message, isFirst: turns.Count == 0, counted: afterSilence && timeline.Kind == ConversationKind.Direct, calendar);
                    turns.Add(waiting);
                }
            }
            else if (waiting is not null && IsResponse(message))
            {
                Answer(timeline, waiting, message, calendar);
                waiting = null;
            }

            lastWritten = message.At;
        }

        foreach (var turn in turns)
        {
            turn.WindowClosesAt = StandardWindowEnd(timeline, turn.LastInboundAt);
        }

        if (waiting is not null && timeline.DoneAt is { } done)
        {
            waiting.EndedAt = done;
            waiting.Excluded ??= waiting.Counted ? BadgeExclusion.Done : null;
        }

        return turns;
    }

    /// <summary>Human and API replies count; automated ones (away messages, surveys) never do (docs/platform-rules.md §7).</summary>
    public static bool IsResponse(TimelineMessage message) =>
        message.Author is MessageAuthor.Agent or MessageAuthor.Echo && message.Status is DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Read;

    /// <summary>A message someone really wrote to the other side: stored customer messages (not LINE standby), outbound ones that left.</summary>
    private static bool Written(TimelineMessage message) => message.Author == MessageAuthor.Customer
        ? !message.Standby
        : message.Status is DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Read;

    private static ResponseFact NewTurn(ConversationTimeline timeline, TimelineMessage message, bool isFirst, bool counted, IReportingCalendar calendar)
    {
        var closed = calendar.IsClosed(timeline.ChannelId, message.At);
        return new ResponseFact
        {
            ConversationId = timeline.ConversationId,
            ChannelId = timeline.ChannelId,
            TeamId = timeline.TeamId,
            AgentId = timeline.AssigneeId,
            CustomerMessageId = message.Id,
            ReceivedAt = message.At,
            LastInboundAt = message.At,
            InboundCount = 1,
            IsFirst = isFirst,
            Counted = counted,
            ReceivedWhileClosed = closed,
            Excluded = counted && closed == true ? BadgeExclusion.Away : null,
        };
    }

    private static void Answer(ConversationTimeline timeline, ResponseFact turn, TimelineMessage reply, IReportingCalendar calendar)
    {
        turn.RespondedAt = reply.At;
        turn.EndedAt = reply.At;
        turn.ResponseType = reply.ReplyType;
        turn.AgentId = reply.AgentId ?? timeline.AssigneeId;
        turn.ResponseSeconds = (int)Math.Max(0, (reply.At - turn.ReceivedAt).TotalSeconds);
        turn.BusinessResponseSeconds = calendar.BusinessTime(timeline.ChannelId, turn.ReceivedAt, reply.At) is { } business
            ? (int)Math.Max(0, business.TotalSeconds)
            : null;
    }

    /// <summary>The standard window a turn's last customer message opened, as the reply policy decides it.</summary>
    private static DateTime? StandardWindowEnd(ConversationTimeline timeline, DateTime lastInbound) =>
        ReplyPolicy.StandardWindowEnd(new ConversationFacts(timeline.ChannelKind, timeline.Kind, lastInbound, StartedFromAd: timeline.StartedFromAd));
}
