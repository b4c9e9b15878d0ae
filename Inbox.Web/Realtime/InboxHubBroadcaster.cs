using System.Threading.Channels;
using Inbox.Core.Routing;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Web.Realtime;

/// <summary>
/// Relays every <see cref="InboxChange"/> to the hub connections that may see its conversation (all of them, or while
/// agents see only their teams: those seeing everything, its team's, its assignee's), named after its event, with the
/// event as payload, in the order they happened. Changes wait in a queue for a sender of their own, so writing to
/// hundreds of connections never holds up the webhook processing that raised them; the queue is bounded, so a hub
/// that cannot keep up slows the publisher down instead of growing without end.
/// </summary>
public sealed class InboxHubBroadcaster(
    InboxNotifier notifier, IHubContext<InboxHub> hub, ConversationScopes scopes, ILogger<InboxHubBroadcaster> logger) : BackgroundService
{
    private readonly Channel<InboxChange> queue = Channel.CreateBounded<InboxChange>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = notifier.Subscribe(change => change.Relayed ? Task.CompletedTask : queue.Writer.WriteAsync(change, stoppingToken).AsTask());
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (queue.Reader.TryRead(out var change))
                {
                    await SendAsync(change);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: connections are closing anyway.
        }
    }

    private async Task SendAsync(InboxChange change)
    {
        try
        {
            var clients = scopes.AgentsSeeAllTeams ? hub.Clients.All : hub.Clients.Groups(await GroupsOfAsync(change.ConversationId));
            await clients.SendAsync(change.Event.GetType().Name, change.Event, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Sending {Change} to the hub's connections failed", change);
        }
    }

    /// <summary>
    /// The groups that may hear about the conversation. Its owner is read when the change goes out, so a conversation
    /// just handed over reaches its new team.
    /// </summary>
    private async Task<List<string>> GroupsOfAsync(int conversationId)
    {
        var owner = await scopes.OwnerOfAsync(conversationId);
        List<string> groups = [InboxHub.EverythingGroup];
        if (owner?.TeamId is { } teamId)
        {
            groups.Add(InboxHub.TeamGroup(teamId));
        }

        // An assignee of the conversation's own team already hears it through the team: one copy per connection.
        if (owner?.AssigneeId is { } agentId && owner.Value.AssigneeTeamId != owner.Value.TeamId)
        {
            groups.Add(InboxHub.AgentGroup(agentId));
        }

        return groups;
    }
}
