using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Core.Routing;
using Inbox.Core.Scheduling;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Audit;

/// <summary>Team, business-hours and automation-setting changes reach the audit log with who made them and what changed.</summary>
public class AdminAuditTests : CoreTestBase
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<IAutomationTimer>(new RecordingTimer());
        services.AddSingleton<TeamAdmin>();
        services.AddScheduling();
    }

    private TeamAdmin Teams => Harness.Get<TeamAdmin>();

    private BusinessHoursAdmin Hours => Harness.Get<BusinessHoursAdmin>();

    [Fact]
    public async Task TeamCreatedRenamedAndMembersMoved_EachAuditedWithTheActor()
    {
        var kim = await Harness.AddAgentAsync("Kim Lee");
        var bo = await Harness.AddAgentAsync("Bo Chen");
        Assert.Equal(CommandStatus.Done, (await Teams.CreateAsync("Sales", "ada@acme.test")).Status);
        Assert.Equal(CommandStatus.Done, (await Teams.CreateAsync("Support", "ada@acme.test")).Status);
        var sales = await TeamIdAsync("Sales");
        var support = await TeamIdAsync("Support");
        await SaveMembersAsync(sales, "Sales", (kim.Id, true), (bo.Id, true));

        var edit = (await Teams.EditAsync(support))!;
        edit.Name = "Customer care";
        edit.Mode = AutoAssignMode.RoundRobin;
        edit.Members.Single(m => m.AgentId == kim.Id).Member = true;
        edit.Members.Single(m => m.AgentId == kim.Id).Capacity = 3;
        Assert.Equal(CommandStatus.Done, (await Teams.SaveAsync(edit, "max@acme.test")).Status);

        var log = await EntriesAsync();
        Assert.Contains(log, e => e is { Action: "team.created", Target: "team Support", Actor: "ada@acme.test" });
        Assert.Contains(log, e => e is { Action: "team.members_changed", Target: "team Sales", Detail: "added Bo Chen; added Kim Lee" });
        var renamed = Assert.Single(log, e => e.Action == "team.renamed");
        Assert.Equal(("max@acme.test", "team Customer care", "name: Support → Customer care"), (renamed.Actor, renamed.Target, renamed.Detail));
        Assert.Equal("added Kim Lee (moved from Sales)", log.Last(e => e.Action == "team.members_changed").Detail);
        Assert.Equal("auto-assign: Off → RoundRobin; Kim Lee's capacity: none → 3", Assert.Single(log, e => e.Action == "team.updated").Detail);
    }

    [Fact]
    public async Task TeamSave_MemberUnchecked_AuditsTheRemoval_AndAnUnchangedSaveWritesNothing()
    {
        var kim = await Harness.AddAgentAsync("Kim Lee");
        await Teams.CreateAsync("Sales", "ada@acme.test");
        var sales = await TeamIdAsync("Sales");
        await SaveMembersAsync(sales, "Sales", (kim.Id, true));
        var before = (await EntriesAsync()).Count;

        await Teams.SaveAsync((await Teams.EditAsync(sales))!, "ada@acme.test");
        Assert.Equal(before, (await EntriesAsync()).Count);

        await SaveMembersAsync(sales, "Sales", (kim.Id, false));
        Assert.Equal("removed Kim Lee", (await EntriesAsync()).Last().Detail);
    }

    [Fact]
    public async Task BusinessHours_CreatedChangedAndRemoved_AuditedWithBeforeAndAfter()
    {
        await Teams.CreateAsync("Sales", "ada@acme.test");
        var sales = await TeamIdAsync("Sales");
        var draft = BusinessHoursDraft.New(sales);
        await Hours.SaveAsync(draft, "ada@acme.test");

        draft = await Hours.EditAsync(sales);
        draft.TimeZone = "Europe/Paris";
        draft.Days[(int)DayOfWeek.Saturday] = "10:00-14:00";
        draft.Days[(int)DayOfWeek.Monday] = "";
        await Hours.SaveAsync(draft, "max@acme.test");
        await Hours.RemoveAsync(sales, "max@acme.test");

        var log = await EntriesAsync();
        var created = Assert.Single(log, e => e.Action == "business-hours.created");
        Assert.Equal(("ada@acme.test", "business hours of team Sales"), (created.Actor, created.Target));
        var updated = Assert.Single(log, e => e.Action == "business-hours.updated");
        Assert.Equal("max@acme.test", updated.Actor);
        Assert.Equal("time zone: UTC → Europe/Paris; Monday: 09:00-18:00 → closed; Saturday: closed → 10:00-14:00", updated.Detail);
        Assert.Contains(log, e => e is { Action: "business-hours.removed", Target: "business hours of team Sales", Actor: "max@acme.test" });
    }

    [Fact]
    public async Task AutomationSettings_TurnedOn_AuditedWithTheQuestion()
    {
        await Hours.SaveSettingsAsync(new AutomationSettings { PendingFollowUpEnabled = true, PendingFollowUpText = "Could you send your order number?" }, "ada@acme.test");

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(("ada@acme.test", "automation-settings.updated", "automation settings"), (entry.Actor, entry.Action, entry.Target));
        Assert.Equal("pending follow-up: off → on; follow-up question: empty → Could you send your order number?", entry.Detail);
    }

    private async Task SaveMembersAsync(int teamId, string name, params (int AgentId, bool Member)[] members)
    {
        var edit = (await Teams.EditAsync(teamId))!;
        edit.Name = name;
        foreach (var (agentId, member) in members)
        {
            edit.Members.Single(m => m.AgentId == agentId).Member = member;
        }

        Assert.Equal(CommandStatus.Done, (await Teams.SaveAsync(edit, "ada@acme.test")).Status);
    }

    private async Task<int> TeamIdAsync(string name)
    {
        await using var db = Harness.Open();
        return await db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = Harness.Open();
        return await db.Set<AuditEntry>().OrderBy(e => e.Id).ToListAsync();
    }
}
