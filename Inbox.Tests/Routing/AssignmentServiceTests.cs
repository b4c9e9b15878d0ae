using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Events;
using Inbox.Core.Policy;
using Inbox.Core.Routing;
using Inbox.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Routing;

/// <summary>
/// Manual, self, team and automatic assignment write the activity log the same way: one entry with who acted, the
/// instant it happened and from whom to whom, shown in the conversation's assignment history.
/// </summary>
public sealed class AssignmentServiceTests : CoreTestBase
{
    private readonly List<ConversationUpdated> updates = [];
    private Agent alice = default!;
    private Agent bruno = default!;
    private Team support = default!;
    private Team billing = default!;
    private Channel channel = default!;

    private AssignmentService Assignments => Harness.Get<AssignmentService>();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddInboxRouting().AddSingleton<IDomainEventHandler<ConversationUpdated>>(new Recorder(updates));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = Harness.Open())
        {
            alice = new Agent { Name = "Alice Agent", Email = "alice@acme.test", UserId = "user-alice" };
            bruno = new Agent { Name = "Bruno Agent", Email = "bruno@acme.test", UserId = "user-bruno" };
            support = new Team { Name = "Support", AutoAssignMode = AutoAssignMode.RoundRobin, Agents = [alice] };
            billing = new Team { Name = "Billing" };
            db.AddRange(bruno, support, billing);
            await db.SaveChangesAsync();
        }

        channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
    }

    [Fact]
    public async Task EveryWay_OneEntryEach_SameShapeInTheHistory()
    {
        var conversation = await Harness.AddConversationAsync(channel, TimeSpan.FromHours(1));
        var at = Harness.Time.UtcNow;

        await Harness.Get<AgentPresence>().ConnectedAsync("user-alice", "circuit-1");
        Assert.Equal(alice.Id, await Assignments.AssignNewAsync(conversation.Id));
        Harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(CommandStatus.Done, (await Assignments.AssignAgentAsync(conversation.Id, bruno.Id, "Sam Supervisor")).Status);
        Harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(CommandStatus.Done, (await Assignments.AssignTeamAsync(conversation.Id, billing.Id, "Sam Supervisor")).Status);
        Harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(CommandStatus.Done, (await Assignments.AssignAgentAsync(conversation.Id, null, "API key 'crm'")).Status);
        Harness.Time.Advance(TimeSpan.FromMinutes(1));
        var reply = await Harness.Get<ConversationCommands>().QueueReplyAsync(conversation.Id, new ReplyRequest("On it.", ReplyType.FreeForm), SenderKind.Human, alice.Id);
        Assert.Equal(CommandStatus.Done, reply.Status);

        var history = (await Harness.Get<AgentDirectory>().AssignmentOfAsync(conversation.Id, historyLength: 10))!.History
            .OrderBy(a => a.Id).Select(a => (a.Kind, a.Actor, a.Detail, a.At)).ToList();
        Assert.Equal(
            [
                (ActivityKind.Assigned, AssignmentService.AutoActor, "Assigned to Alice Agent (Support, round robin)", at),
                (ActivityKind.Assigned, "Sam Supervisor", "Reassigned from Alice Agent to Bruno Agent", at.AddMinutes(1)),
                (ActivityKind.TeamAssigned, "Sam Supervisor", "Moved from team Support to Billing", at.AddMinutes(2)),
                (ActivityKind.Unassigned, "API key 'crm'", "Unassigned from Bruno Agent", at.AddMinutes(3)),
                (ActivityKind.Assigned, "Alice Agent", "Assigned to Alice Agent on replying", at.AddMinutes(4)),
            ],
            history);
    }

    [Fact]
    public async Task ManualTeamAndAutomatic_EachTellLiveViewsOnce()
    {
        var conversation = await Harness.AddConversationAsync(channel, TimeSpan.FromHours(1));

        await Assignments.AssignNewAsync(conversation.Id);
        await Assignments.AssignTeamAsync(conversation.Id, billing.Id, "Sam Supervisor");
        await Assignments.AssignTeamAsync(conversation.Id, billing.Id, "Sam Supervisor");
        await Assignments.AssignAgentAsync(conversation.Id, bruno.Id, "Sam Supervisor");
        await Assignments.AssignAgentAsync(conversation.Id, bruno.Id, "Sam Supervisor");

        Assert.Equal(3, updates.Count);
        Assert.All(updates, u => Assert.Equal(new ConversationUpdated(conversation.Id, ConversationUpdate.Assignment), u));
        var history = (await Harness.Get<AgentDirectory>().AssignmentOfAsync(conversation.Id))!.History.OrderBy(a => a.Id).Select(a => a.Detail);
        Assert.Equal(
            [
                "Assigned to team Support (no online agent with room for it, so it waits unassigned)",
                "Moved from team Support to Billing",
                "Assigned to Bruno Agent",
            ],
            history);
    }

    [Fact]
    public async Task AssignNew_BatchOfNewConversations_RoutedInTurnAsOneAfterAnother_EachToldOnce()
    {
        await using (var db = Harness.Open())
        {
            db.Attach(support);
            db.Attach(bruno);
            support.Agents.Add(bruno);
            await db.SaveChangesAsync();
        }

        await Harness.Get<AgentPresence>().ConnectedAsync("user-alice", "circuit-1");
        await Harness.Get<AgentPresence>().ConnectedAsync("user-bruno", "circuit-2");
        var started = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            started.Add((await Harness.AddConversationAsync(channel, TimeSpan.FromMinutes(i))).Id);
        }

        var chosen = await Assignments.AssignNewAsync([started[2], started[0], started[1], started[0]]);

        // Round robin (by agent id: Bruno was stored first) in the order the conversations started, as three single calls would have gone.
        Assert.Equal([bruno.Id, alice.Id, bruno.Id], started.Select(id => chosen[id]));
        Assert.Equal(started, updates.Select(u => u.ConversationId));
        var next = await Harness.AddConversationAsync(channel, TimeSpan.Zero);
        Assert.Equal(alice.Id, await Assignments.AssignNewAsync(next.Id));
        Assert.Empty(await Assignments.AssignNewAsync(started));
    }

    private sealed class Recorder(List<ConversationUpdated> seen) : IDomainEventHandler<ConversationUpdated>
    {
        public Task HandleAsync(ConversationUpdated domainEvent, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(domainEvent);
            }

            return Task.CompletedTask;
        }
    }
}
