using Inbox.Core.Events;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// One transaction of inbound work, over one or many webhook deliveries, and what it raised: the events are published
/// (and CSAT answers recorded) only after it committed, so nothing is announced that a rollback could take back.
/// </summary>
public sealed class InboundUnit(InboxDbContext db)
{
    private readonly Dictionary<int, Channel> channels = [];

    public InboxDbContext Db => db;

    public List<MessageReceived> Received { get; } = [];

    public List<MessageStatusChanged> StatusChanges { get; } = [];

    public List<(int ConversationId, int Score, DateTime At)> CsatAnswers { get; } = [];

    /// <summary>The channel, read once per unit and untracked (inbound work never changes it).</summary>
    public async Task<Channel> ChannelAsync(int channelId, CancellationToken cancellationToken)
    {
        if (!channels.TryGetValue(channelId, out var channel))
        {
            channels[channelId] = channel = await db.Channels.AsNoTracking().SingleAsync(c => c.Id == channelId, cancellationToken);
        }

        return channel;
    }
}
