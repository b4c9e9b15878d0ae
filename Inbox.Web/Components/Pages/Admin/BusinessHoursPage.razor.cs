using System.Globalization;
using Inbox.Core.Conversations;
using Inbox.Core.Routing;
using Inbox.Core.Scheduling;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Inbox.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Inbox.Web.Components.Pages.Admin;

/// <summary>Business hours per team or global, and the pending follow-up text. The rules (parsing, validation, the calendar) are Core's.</summary>
public partial class BusinessHoursPage
{
    private static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
    private static readonly string[] Zones = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order().ToArray();

    private IReadOnlyList<(int Id, string Name)> teams = [];
    private BusinessHoursDraft? draft;
    private AutomationSettingsDraft settings = new();
    private int? scope;
    private Notice? notice;
    private bool busy;

    [Inject]
    private IStringLocalizer<Ui> T { get; set; } = default!;

    [Inject]
    private BusinessHoursAdmin Admin { get; set; } = default!;

    [Inject]
    private AgentDirectory Lookup { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IOptions<AutomationOptions> Options { get; set; } = default!;

    [Inject]
    private Inbox.Core.Localization.PhraseText Say { get; set; } = default!;

    /// <summary>The zones whose id contains what was typed; all of them for an empty box.</summary>
    private static Task<IEnumerable<string>> SearchZones(string? typed, CancellationToken cancellation) =>
        Task.FromResult(string.IsNullOrWhiteSpace(typed) ? Zones.AsEnumerable() : Zones.Where(z => z.Contains(typed.Trim(), StringComparison.OrdinalIgnoreCase)));

    private string ScopeName => scope is { } id ? teams.FirstOrDefault(t => t.Id == id).Name ?? T["Team"] : T["Global default"];

    private string ClosuresExample => T["2026-12-25 Christmas"] + "\n" + T["2026-12-31..2027-01-01 New year"];

    // As a label the day starts with a capital, whatever the culture writes mid-sentence ("segunda-feira", "понедельник").
    private static string DayName(DayOfWeek day)
    {
        var name = CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);
        return char.ToUpper(name[0], CultureInfo.CurrentCulture) + name[1..];
    }

    /// <summary>Open or closed now by the form as typed, and the next opening.</summary>
    private (bool Open, string Text) Status
    {
        get
        {
            if (draft?.Calendar() is not { } calendar)
            {
                return (false, T["Fix the form to see whether it is open now."]);
            }

            var now = Time.GetUtcNow().UtcDateTime;
            if (calendar.IsOpen(now))
            {
                return (true, T["Open now."]);
            }

            return calendar.NextOpening(now) is { } next
                ? (false, T["Closed now; opens {0} ({1}).", TimeZoneInfo.ConvertTimeFromUtc(next, calendar.Zone).ToString("dddd d MMM HH:mm"), calendar.Zone.Id])
                : (false, T["Closed now, with no opening in the next year."]);
        }
    }

    protected override async Task OnInitializedAsync()
    {
        teams = await Lookup.TeamNamesAsync();
        settings = AutomationSettingsDraft.Of(await Admin.SettingsAsync());
        await ShowAsync(null);
    }

    private async Task ShowAsync(int? team)
    {
        scope = team;
        draft = await Admin.EditAsync(team);
        notice = null;
    }

    private async Task SaveAsync()
    {
        await RunAsync(actor => Admin.SaveAsync(draft!, actor), T["{0} hours saved.", ScopeName]);
        if (notice?.Succeeded == true)
        {
            draft = await Admin.EditAsync(scope);
        }
    }

    private async Task RemoveAsync(int team)
    {
        await Admin.RemoveAsync(team, await ActorAsync());
        await ShowAsync(team);
        notice = new Notice(true, T["{0} now follows the global default.", ScopeName]);
    }

    private Task SaveSettingsAsync() => RunAsync(actor => Admin.SaveSettingsAsync(settings, actor), T["Pending follow-up saved."]);

    private Task SaveCsatAsync() => RunAsync(actor => Admin.SaveSettingsAsync(settings, actor), T["CSAT question saved."]);

    private async Task RunAsync(Func<string, Task<CommandResult>> command, string done)
    {
        busy = true;
        try
        {
            var result = await command(await ActorAsync());
            notice = new Notice(result.Status == CommandStatus.Done, result.Status == CommandStatus.Done ? done : Say[result.Problem]);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task<string> ActorAsync() => (await Authentication).User.Identity?.Name ?? "unknown admin";

    private sealed record Notice(bool Succeeded, string Text);
}
