using Inbox.Core.Policy;
using Inbox.Core.Reporting;

namespace Inbox.Tests.Reporting;

/// <summary>
/// A seeded, varied year and a bit of customer turns: every channel, team and agent (and none), first and next turns,
/// replies from seconds to over a week and none at all, windows closed, still open and absent, saves of both kinds.
/// </summary>
internal static class GeneratedFacts
{
    public static List<ResponseFact> Make(int count, DateTime now, IReadOnlyList<(int Conversation, int Channel)> conversations, IReadOnlyList<int> agents, int seed = 7)
    {
        var random = new Random(seed);
        var facts = new List<ResponseFact>();
        for (var i = 0; i < count; i++)
        {
            var (conversation, channel) = conversations[random.Next(conversations.Count)];
            var received = now.AddSeconds(-random.Next(0, 400 * 86400));
            int? seconds = random.NextDouble() switch
            {
                < 0.15 => null,
                < 0.6 => random.Next(0, 900),
                < 0.85 => random.Next(900, 4 * 3600),
                < 0.97 => random.Next(4 * 3600, 3 * 86400),
                _ => random.Next(3 * 86400, 12 * 86400),
            };
            var responded = seconds is { } s && received.AddSeconds(s) <= now ? received.AddSeconds(s) : (DateTime?)null;
            DateTime? window = random.NextDouble() < 0.8 ? received.AddHours(random.NextDouble() < 0.8 ? 24 : 168) : null;
            var team = random.Next(3);
            var agent = random.Next(agents.Count + 1);
            facts.Add(new ResponseFact
            {
                ConversationId = conversation, ChannelId = channel, TeamId = team > 0 ? team : null,
                AgentId = agent < agents.Count ? agents[agent] : null,
                CustomerMessageId = i + 1, ReceivedAt = received, LastInboundAt = received, InboundCount = 1, IsFirst = random.NextDouble() < 0.4,
                RespondedAt = responded, ResponseSeconds = responded is null ? null : seconds, EndedAt = responded,
                ResponseType = responded is null ? null : (ReplyType)random.Next(3), // free-form, HUMAN_AGENT or template
                WindowClosesAt = window,
            });
        }

        return facts;
    }
}
