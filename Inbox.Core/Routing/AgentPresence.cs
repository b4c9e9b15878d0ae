using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Routing;

/// <summary>
/// Who is online, away or offline, from the live browser connections the web layer reports (one agent may have
/// several tabs). Singleton: the connections live in memory; the "away" choice and the last-seen time are stored
/// on <see cref="Agent"/>, so the choice survives a new sign-in and a restart.
/// </summary>
public sealed class AgentPresence(IDbContextFactory<InboxDbContext> contexts, TimeProvider time)
{
    private readonly Dictionary<int, HashSet<string>> connections = [];
    private readonly Dictionary<int, bool> away = [];
    private readonly List<Action> subscribers = [];
    private readonly Lock gate = new();

    /// <summary>The agent's presence now.</summary>
    public Presence Of(int agentId)
    {
        lock (gate)
        {
            if (!connections.TryGetValue(agentId, out var open) || open.Count == 0)
            {
                return Presence.Offline;
            }

            return away.GetValueOrDefault(agentId) ? Presence.Away : Presence.Online;
        }
    }

    /// <summary>A browser connection of the login <paramref name="userId"/> opened; returns the agent, if the login is one.</summary>
    public async Task<int?> ConnectedAsync(string userId, string connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (agent is null)
        {
            return null;
        }

        agent.LastSeenAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        lock (gate)
        {
            away[agent.Id] = agent.Away;
            if (!connections.TryGetValue(agent.Id, out var open))
            {
                connections[agent.Id] = open = [];
            }

            open.Add(connectionId);
        }

        NotifyChanged();
        return agent.Id;
    }

    /// <summary>A browser connection closed (or dropped). Closing one that is not open changes nothing.</summary>
    public async Task DisconnectedAsync(int agentId, string connectionId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!connections.TryGetValue(agentId, out var open) || !open.Remove(connectionId))
            {
                return;
            }
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Agents.Where(a => a.Id == agentId)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.LastSeenAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        NotifyChanged();
    }

    /// <summary>The agent chose "away" (true) or "online" (false); stored, so it holds at the next sign-in.</summary>
    public async Task SetAwayAsync(int agentId, bool isAway, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Agents.Where(a => a.Id == agentId).ExecuteUpdateAsync(a => a.SetProperty(x => x.Away, isAway), cancellationToken);
        lock (gate)
        {
            away[agentId] = isAway;
        }

        NotifyChanged();
    }

    /// <summary>The Changed notification: <paramref name="onChanged"/> runs after any presence change until the subscription is disposed.</summary>
    public IDisposable Subscribe(Action onChanged)
    {
        lock (gate)
        {
            subscribers.Add(onChanged);
        }

        return new Unsubscriber(() =>
        {
            lock (gate)
            {
                subscribers.Remove(onChanged);
            }
        });
    }

    private void NotifyChanged()
    {
        Action[] current;
        lock (gate)
        {
            current = [.. subscribers];
        }

        foreach (var subscriber in current)
        {
            subscriber();
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private Action? onDispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref onDispose, null)?.Invoke();
    }
}
