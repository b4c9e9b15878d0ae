using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Routing;

/// <summary>
/// Who is online, away or offline, from the live browser connections the web layer reports (one agent may have
/// several tabs). Singleton: the connections live in memory; the "away" choice and the last-seen time are stored
/// on <see cref="Agent"/>, so the choice survives a new sign-in and a restart. With several instances, each one's
/// tab counts are relayed to the others (<see cref="SetRemote"/>), so an agent with a tab on any instance is online
/// on all of them.
/// </summary>
public sealed class AgentPresence(IDbContextFactory<InboxDbContext> contexts, TimeProvider time)
{
    private readonly Dictionary<int, HashSet<string>> connections = [];
    private readonly Dictionary<int, bool> away = [];
    private readonly Dictionary<string, IReadOnlyDictionary<int, int>> remote = [];
    private readonly List<Action> subscribers = [];
    private readonly Lock gate = new();

    /// <summary>The agent's presence now.</summary>
    public Presence Of(int agentId)
    {
        lock (gate)
        {
            var tabs = connections.GetValueOrDefault(agentId)?.Count ?? 0;
            foreach (var instance in remote.Values)
            {
                tabs += instance.GetValueOrDefault(agentId);
            }

            if (tabs == 0)
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

    /// <summary>How many tabs each agent has open on this instance (agents with none are left out).</summary>
    public IReadOnlyDictionary<int, int> LocalTabs()
    {
        lock (gate)
        {
            return connections.Where(c => c.Value.Count > 0).ToDictionary(c => c.Key, c => c.Value.Count);
        }
    }

    /// <summary>The agents with a tab on this instance who chose "away".</summary>
    public IReadOnlySet<int> LocalAway()
    {
        lock (gate)
        {
            return connections.Where(c => c.Value.Count > 0 && away.GetValueOrDefault(c.Key)).Select(c => c.Key).ToHashSet();
        }
    }

    /// <summary>
    /// The tabs another instance (<paramref name="instance"/>) reports, replacing what it reported before; an empty
    /// report, or <see cref="RemoveRemote"/>, takes that instance's tabs away.
    /// </summary>
    public void SetRemote(string instance, IReadOnlyDictionary<int, int> tabs)
    {
        lock (gate)
        {
            var before = remote.GetValueOrDefault(instance);
            if (before is null ? tabs.Count == 0 : before.Count == tabs.Count && !before.Except(tabs).Any())
            {
                return;
            }

            if (tabs.Count == 0)
            {
                remote.Remove(instance);
            }
            else
            {
                remote[instance] = tabs;
            }
        }

        NotifyChanged();
    }

    /// <summary>Forgets another instance's tabs: it stopped, or has not been heard from for too long.</summary>
    public void RemoveRemote(string instance) => SetRemote(instance, new Dictionary<int, int>());

    /// <summary>Reads the agents' "away" choices again: another instance may have stored one.</summary>
    public async Task ReloadAwayAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Agents.AsNoTracking().Select(a => new { a.Id, a.Away }).ToListAsync(cancellationToken);
        var changed = false;
        lock (gate)
        {
            foreach (var agent in stored)
            {
                changed |= away.GetValueOrDefault(agent.Id) != agent.Away;
                away[agent.Id] = agent.Away;
            }
        }

        if (changed)
        {
            NotifyChanged();
        }
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
