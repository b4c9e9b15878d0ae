using Inbox.Core.Scheduling;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Components.Pages.Admin;

/// <summary>The admin's view of scheduled automations, with cancel and run-now. What each does is Core's.</summary>
public partial class Jobs
{
    private IReadOnlyList<AutomationJobRow>? rows;
    private DateTime now;
    private string? notice;
    private bool busy;

    [Inject]
    private AutomationJobs Automations { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private static string KindName(AutomationKind kind) => kind switch
    {
        AutomationKind.WindowReminder => "Window-closing reminder",
        AutomationKind.HumanAgentReminder => "HUMAN_AGENT window reminder",
        AutomationKind.CsatSurvey => "CSAT survey",
        _ => "Pending follow-up",
    };

    /// <summary>"in 6 d 23 h", "in 4 min", "2 min ago".</summary>
    private string Relative(DateTime due)
    {
        var span = due - now;
        var size = span.Duration();
        var text = size.TotalDays >= 1 ? $"{(int)size.TotalDays} d {size.Hours} h" : size.TotalHours >= 1 ? $"{(int)size.TotalHours} h {size.Minutes} min"
            : size.TotalMinutes >= 1 ? $"{(int)size.TotalMinutes} min" : $"{(int)size.TotalSeconds} s";
        return span >= TimeSpan.Zero ? $"in {text}" : $"{text} ago";
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
            notice = outcome is null ? "It was no longer waiting." : $"{KindName(job.Kind)} for {job.ContactName}: {outcome.State}, {outcome.Detail}";
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
            notice = await Automations.CancelAsync(job.Id, actor) ? $"{KindName(job.Kind)} for {job.ContactName} cancelled." : "It was no longer waiting.";
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }
}
