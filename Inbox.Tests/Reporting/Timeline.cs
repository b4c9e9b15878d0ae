using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Core.Reporting;

namespace Inbox.Tests.Reporting;

/// <summary>Builds hand-made conversation timelines: <c>Timeline.On(ChannelKind.Messenger).Customer(0).Agent(minutes: 4)</c>.</summary>
internal sealed class Timeline
{
    public static readonly DateTime Start = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private readonly List<TimelineMessage> messages = [];
    private readonly ChannelKind channel;
    private DateTime? doneAt;

    private Timeline(ChannelKind channel) => this.channel = channel;

    public static Timeline On(ChannelKind channel) => new(channel);

    public Timeline Customer(double minutes) => Add(minutes, MessageAuthor.Customer, DeliveryStatus.Received, null);

    public Timeline Agent(double minutes, ReplyType type = ReplyType.FreeForm, DeliveryStatus status = DeliveryStatus.Delivered) =>
        Add(minutes, MessageAuthor.Agent, status, type);

    public Timeline Automation(double minutes) => Add(minutes, MessageAuthor.Automation, DeliveryStatus.Delivered, ReplyType.FreeForm);

    public Timeline Done(double minutes)
    {
        doneAt = Start.AddMinutes(minutes);
        return this;
    }

    public List<ResponseFact> Build(IReportingCalendar? calendar = null) => TurnBuilder.Build(
        new ConversationTimeline(1, 1, channel, ConversationKind.Direct, false, 7, 3, doneAt, messages), calendar ?? new NoReportingCalendar());

    private Timeline Add(double minutes, MessageAuthor author, DeliveryStatus status, ReplyType? type)
    {
        messages.Add(new TimelineMessage(messages.Count + 1, Start.AddMinutes(minutes), author, status, type, author == MessageAuthor.Agent ? 3 : null));
        return this;
    }
}
