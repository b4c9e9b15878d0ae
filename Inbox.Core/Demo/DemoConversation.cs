using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Core.Routing;

namespace Inbox.Core.Demo;

/// <summary>A scripted demo conversation: who, where, how long ago the customer last wrote, and what was said.</summary>
internal sealed record DemoConversation(
    string ChannelKey,
    string Customer,
    TimeSpan LastInboundAgo,
    string[] Lines,
    ConversationStatus Status = ConversationStatus.Open,
    int? AssigneeIndex = null,
    ConversationKind Kind = ConversationKind.Direct,
    bool PrivateReplyUsed = false)
{
    /// <summary>Builds the conversation. Lines alternate customer / agent, ending with the customer's latest message; a line starting "&gt; " is the agent's.</summary>
    public Conversation Build(Channel channel, IReadOnlyList<Agent> agents, Team team, DateTime now)
    {
        var lastInbound = now - LastInboundAgo;
        var externalId = $"{channel.Kind.ToString().ToLowerInvariant()}-{Math.Abs(StableHash(Customer + channel.Key)) % 1_000_000_000:D9}";
        var contact = new Contact { ChannelId = channel.Id, ExternalId = externalId, Name = Customer, CreatedAt = lastInbound.AddDays(-1) };
        var conversation = new Conversation
        {
            ChannelId = channel.Id,
            Contact = contact,
            Kind = Kind,
            Status = Status,
            AssigneeId = AssigneeIndex is { } i ? agents[i].Id : null,
            TeamId = team.Id,
            LastInboundAt = lastInbound,
            CreatedAt = lastInbound.AddMinutes(-Lines.Length * 7),
            CommentId = Kind == ConversationKind.Comment ? $"{externalId}_c1" : null,
            CommentAt = Kind == ConversationKind.Comment ? lastInbound : null,
            PrivateReplyUsed = PrivateReplyUsed,
        };

        // Earlier lines sit a few minutes apart before the last inbound message; agent replies never move the window.
        for (var index = 0; index < Lines.Length; index++)
        {
            var line = Lines[index];
            var fromAgent = line.StartsWith("> ", StringComparison.Ordinal);
            var at = lastInbound.AddMinutes(-(Lines.Length - 1 - index) * 6);
            conversation.Messages.Add(new Message
            {
                ChannelId = channel.Id,
                Direction = fromAgent ? MessageDirection.Outbound : MessageDirection.Inbound,
                Author = fromAgent ? MessageAuthor.Agent : MessageAuthor.Customer,
                PlatformMessageId = $"demo-{externalId}-{index}",
                Text = fromAgent ? line[2..] : line,
                SentAt = at,
                CreatedAt = at,
                ReplyType = fromAgent ? (Kind == ConversationKind.Comment ? ReplyType.PublicReply : ReplyType.FreeForm) : null,
                Status = fromAgent ? DeliveryStatus.Read : DeliveryStatus.Received,
                AgentId = fromAgent ? conversation.AssigneeId : null,
            });
        }

        var last = conversation.Messages[^1];
        conversation.LastMessageAt = last.SentAt;
        conversation.LastMessagePreview = last.Text.Length > 120 ? last.Text[..120] : last.Text;
        conversation.UnreadCount = conversation.Messages.AsEnumerable().Reverse().TakeWhile(m => m.Direction == MessageDirection.Inbound).Count();
        return conversation;
    }

    private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));
}
