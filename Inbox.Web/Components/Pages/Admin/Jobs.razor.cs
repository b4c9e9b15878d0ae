using Inbox.Core.Scheduling;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Inbox.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Inbox.Web.Components.Pages.Admin;

/// <summary>The admin's view of scheduled automations, with cancel and run-now. What each does is Core's.</summary>
public partial class Jobs
{
    private IReadOnlyList<AutomationJobRow>? rows;
    private DateTime now;
    private string? notice;
    private bool busy;

    [Inject]
    private IStringLocalizer<Ui> T { get; set; } = default!;

    [Inject]
    private AutomationJobs Automations { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private string KindName(AutomationKind kind) => kind switch
    {
        AutomationKind.WindowReminder => T["Window-closing reminder"],
        AutomationKind.HumanAgentReminder => T["HUMAN_AGENT window reminder"],
        AutomationKind.CsatSurvey => T["CSAT survey"],
        _ => T["Pending follow-up"],
    };

    /// <summary>"in 6 d 23 h", "in 4 min", "2 min ago".</summary>
    private string Relative(DateTime due)
    {
        var span = due - now;
        var size = span.Duration();
        var text = size.TotalDays >= 1 ? T["{0} d {1} h", (int)size.TotalDays, size.Hours] : size.TotalHours >= 1 ? T["{0} h {1} min", (int)size.TotalHours, size.Minutes]
            : size.TotalMinutes >= 1 ? T["{0} min", (int)size.TotalMinutes] : T["{0} s", (int)size.TotalSeconds];
        return span >= TimeSpan.Zero ? T["in {0}", text] : T["{0} ago", text];
    }

    private async Task LoadAsync()
    {
        rows = await Automations.ListAsync();
        now = Time.GetUtcNow().UtcDateTime;
    }

    private async Task RunNowAsync(AutomationJobRow job)
    {
        busy = true;
        try
        {
            var outcome = await Automations.RunNowAsync(job.Id);
            notice = outcome is null ? T["It was no longer waiting."] : T["{0} for {1}: {2}, {3}", KindName(job.Kind), job.ContactName, T[outcome.State.ToString()], outcome.Detail];
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task CancelAsync(AutomationJobRow job)
    {
        busy = true;
        try
        {
            var actor = (await Authentication).User.Identity?.Name ?? "an admin";
            notice = await Automations.CancelAsync(job.Id, actor) ? T["{0} for {1} cancelled.", KindName(job.Kind), job.ContactName] : T["It was no longer waiting."];
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }
}
