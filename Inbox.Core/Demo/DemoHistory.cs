using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Inbox.Core.Reporting;
using Inbox.Core.Routing;

namespace Inbox.Core.Demo;

/// <summary>
/// A month of resolved conversations before the demo's open ones, so the supervisor dashboard has figures on a fresh
/// run: mostly quick replies, some slow or missing, a HUMAN_AGENT save and a template save, and survey answers.
/// Only a handful end in the last week, so the inbox's Resolved view still starts with the scripted conversations.
/// </summary>
internal static class DemoHistory
{
    private static readonly string[] FirstNames = ["Aiko", "Bruno", "Camila", "Dario", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jasper", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Paula", "Quentin", "Rosa", "Sven", "Tara"];

    private static readonly string[] LastNames = ["Berg", "Conti", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat", "Ivanova", "Jansen", "Kowalski"];

    public static async Task AddAsync(InboxDbContext db, IReadOnlyList<Channel> channels, IReadOnlyList<Agent> agents, Team team, DateTime now, CancellationToken cancellationToken)
    {
        var random = new Random(20261120);
        var conversations = new List<Conversation>();
        for (var i = 0; i < 40; i++)
        {
            // 8 returning customers wrote in the last week (6 of them to the Outlet Page, which keeps its badge); the rest 9–35 days ago.
            var recent = i < 8;
            var channel = channels.Single(c => c.Key == (recent ? (i < 6 ? "nw-outlet" : "nw-facebook") : (i % 3 == 0 ? "nw-instagram" : "nw-facebook")));
            var name = $"{FirstNames[i % FirstNames.Length]} {LastNames[((i / FirstNames.Length) + i) % LastNames.Length]}";
            var conversation = NewConversation(channel, name, i, agents[i % 2], team);
            var episodes = recent ? 3 : 1 + random.Next(2);
            var start = recent ? now.AddDays(-6.8) : now.AddDays(-35 + random.NextDouble() * 24);
            for (var e = 0; e < episodes; e++)
            {
                var at = start.AddDays(e * (recent ? 2.1 : 3.3)).AddMinutes(random.Next(600));
                // One customer on the main Page waited past the 24 h window and was answered with a HUMAN_AGENT reply.
                var delay = i == 9 && e == 0 ? 27 * 3600 : recent && channel.Key == "nw-outlet" ? random.Next(30, 600) : ReplyDelaySeconds(random);
                AddEpisode(conversation, at, delay, random);
            }

            Finish(conversation);
            conversations.Add(conversation);
        }

        db.Conversations.AddRange(conversations);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var conversation in conversations.Where((_, i) => i % 4 != 3))
        {
            var answered = random.NextDouble() < 0.7;
            db.Set<CsatFact>().Add(new CsatFact
            {
                ConversationId = conversation.Id, ChannelId = conversation.ChannelId, TeamId = team.Id, AgentId = conversation.AssigneeId,
                SentAt = conversation.LastMessageAt!.Value.AddMinutes(30),
                AnsweredAt = answered ? conversation.LastMessageAt!.Value.AddMinutes(45) : null,
                Score = answered ? new[] { 5, 5, 5, 4, 4, 4, 3, 2, 5, 1 }[random.Next(10)] : null,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Mostly within minutes, some within hours, a few after the window or never (null).</summary>
    private static int? ReplyDelaySeconds(Random random) => random.NextDouble() switch
    {
        < 0.55 => random.Next(40, 600),
        < 0.75 => random.Next(600, 1800),
        < 0.88 => random.Next(1800, 4 * 3600),
        < 0.94 => random.Next(4 * 3600, 30 * 3600),
        _ => null,
    };

    private static Conversation NewConversation(Channel channel, string name, int index, Agent agent, Team team) => new()
    {
        ChannelId = channel.Id,
        Channel = channel,
        Contact = new Contact { ChannelId = channel.Id, ExternalId = $"history-{channel.Key}-{index:D3}", Name = name },
        Kind = ConversationKind.Direct,
        Status = ConversationStatus.Resolved,
        AssigneeId = agent.Id,
        TeamId = team.Id,
    };

    private static void AddEpisode(Conversation conversation, DateTime at, int? replyAfterSeconds, Random random)
    {
        Add(conversation, at, MessageAuthor.Customer, "Hi, a question about my order.");
        if (replyAfterSeconds is not { } delay)
        {
            return;
        }

        var replyAt = at.AddSeconds(delay);
        var late = replyAt - at >= PlatformWindows.Standard;
        var type = late && conversation.Channel!.HumanAgentApproved ? ReplyType.HumanAgentTag : ReplyType.FreeForm;
        if (late && type == ReplyType.FreeForm)
        {
            return;
        }

        Add(conversation, replyAt, MessageAuthor.Agent, "Thanks for waiting, here is what we found.", type);
        if (random.NextDouble() < 0.5)
        {
            var followUp = replyAt.AddMinutes(random.Next(2, 30));
            Add(conversation, followUp, MessageAuthor.Customer, "Great, and can I change the delivery address?");
            Add(conversation, followUp.AddSeconds(random.Next(60, 1500)), MessageAuthor.Agent, "Done, the new address is on the order.", ReplyType.FreeForm);
        }
    }

    private static void Add(Conversation conversation, DateTime at, MessageAuthor author, string text, ReplyType? type = null)
    {
        var inbound = author == MessageAuthor.Customer;
        conversation.Messages.Add(new Message
        {
            ChannelId = conversation.ChannelId,
            Direction = inbound ? MessageDirection.Inbound : MessageDirection.Outbound,
            Author = author,
            PlatformMessageId = $"{conversation.Contact!.ExternalId}-{conversation.Messages.Count}",
            Text = text,
            SentAt = at,
            CreatedAt = at,
            ReplyType = type,
            Status = inbound ? DeliveryStatus.Received : DeliveryStatus.Read,
            AgentId = inbound ? null : conversation.AssigneeId,
        });
    }

    private static void Finish(Conversation conversation)
    {
        var first = conversation.Messages[0].SentAt;
        var last = conversation.Messages[^1];
        conversation.Contact!.CreatedAt = first;
        conversation.CreatedAt = first;
        conversation.LastInboundAt = conversation.Messages.Last(m => m.Direction == MessageDirection.Inbound).SentAt;
        conversation.LastMessageAt = last.SentAt;
        conversation.LastMessagePreview = last.Text;
    }
}
