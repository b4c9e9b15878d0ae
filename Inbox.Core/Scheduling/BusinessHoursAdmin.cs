using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Scheduling;

/// <summary>
/// The admin's business hours per team or global, the automation texts, and which hours apply to a team. Every change
/// is audited with who made it and what was before and after.
/// </summary>
public sealed class BusinessHoursAdmin(IDbContextFactory<InboxDbContext> contexts, TimeProvider time, AuditLog audit)
{
    /// <summary>The hours that apply to a team: its own, else the global default; null when neither is set (always open).</summary>
    public async Task<BusinessHours?> ForTeamAsync(int? teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<BusinessHours>().AsNoTracking().Where(h => h.TeamId == null || h.TeamId == teamId).ToListAsync(cancellationToken);
        return rows.FirstOrDefault(h => h.TeamId is not null) ?? rows.FirstOrDefault();
    }

    /// <summary>The form for a team's own hours (or the global default when <paramref name="teamId"/> is null); a new form when none are set.</summary>
    public async Task<BusinessHoursDraft> EditAsync(int? teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hours = await db.Set<BusinessHours>().AsNoTracking().SingleOrDefaultAsync(h => h.TeamId == teamId, cancellationToken);
        return hours is null ? BusinessHoursDraft.New(teamId) : BusinessHoursDraft.Of(hours);
    }

    /// <summary>Checks and saves the form; refuses an unknown time zone, a malformed range or closure line.</summary>
    public async Task<CommandResult> SaveAsync(BusinessHoursDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        if (draft.Check() is { } invalid)
        {
            return CommandResult.Invalid(invalid);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hours = await db.Set<BusinessHours>().SingleOrDefaultAsync(h => h.TeamId == draft.TeamId, cancellationToken);
        var created = hours is null;
        if (hours is null)
        {
            hours = new BusinessHours { TeamId = draft.TeamId, TimeZone = "" };
            db.Add(hours);
        }

        var before = (hours.TimeZone, Week: BusinessHoursText.WeekLines(hours.Week), hours.Closures, hours.AwayMessage, AwayMessages: Show(hours.AwayMessages));
        draft.ApplyTo(hours);
        hours.UpdatedAt = time.GetUtcNow().UtcDateTime;
        var changes = new AuditChanges().Compare("time zone", before.TimeZone, hours.TimeZone);
        var week = BusinessHoursText.WeekLines(hours.Week);
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            changes.Compare(day.ToString(), Hours(before.Week[(int)day]), Hours(week[(int)day]));
        }

        changes.Compare("closures", before.Closures, hours.Closures).Compare("away message", before.AwayMessage, hours.AwayMessage)
            .Compare("away message translations", before.AwayMessages, Show(hours.AwayMessages));
        if (created || changes.Any)
        {
            audit.Add(db, actor, created ? "business-hours.created" : "business-hours.updated", await TargetAsync(db, draft.TeamId, cancellationToken), changes.ToString());
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done();
    }

    /// <summary>Removes a team's own hours, so it follows the global default again.</summary>
    public async Task RemoveAsync(int teamId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<BusinessHours>().Where(h => h.TeamId == teamId).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await audit.RecordAsync(actor, "business-hours.removed", await TargetAsync(db, teamId, cancellationToken), "follows the global default", cancellationToken);
        }
    }

    /// <summary>The admin-edited automation texts (defaults when never saved).</summary>
    public async Task<AutomationSettings> SettingsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<AutomationSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new AutomationSettings();
    }

    /// <summary>Saves the pending follow-up (translations kept as they are).</summary>
    public async Task<CommandResult> SaveSettingsAsync(AutomationSettings settings, string actor, CancellationToken cancellationToken = default) =>
        await SaveSettingsAsync(AutomationSettingsDraft.Of(settings), actor, cancellationToken);

    /// <summary>Saves the pending follow-up and the per-language texts; refuses turning it on without a question, or an unknown language.</summary>
    public async Task<CommandResult> SaveSettingsAsync(AutomationSettingsDraft settings, string actor, CancellationToken cancellationToken = default)
    {
        var text = settings.PendingFollowUpText.Trim();
        if (settings.PendingFollowUpEnabled && text.Length == 0)
        {
            return CommandResult.Invalid(new Phrase("Write the follow-up question before turning the pending follow-up on."));
        }

        if (text.Length > 1000)
        {
            return CommandResult.Invalid(new Phrase("The follow-up question is limited to 1,000 characters."));
        }

        var (followUps, followUpProblem) = LanguageText.Check(settings.FollowUpTranslations, new Phrase("follow-up question"), 1000);
        var (csat, csatProblem) = LanguageText.Check(settings.CsatTranslations, new Phrase("CSAT question"), 1000);
        if ((followUpProblem ?? csatProblem) is { } problem)
        {
            return CommandResult.Invalid(problem);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Set<AutomationSettings>().SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            stored = new AutomationSettings();
            db.Add(stored);
        }

        var changes = new AuditChanges()
            .Compare("pending follow-up", stored.PendingFollowUpEnabled, settings.PendingFollowUpEnabled)
            .Compare("follow-up question", stored.PendingFollowUpText, text)
            .Compare("follow-up translations", Show(stored.PendingFollowUpTexts), Show(followUps))
            .Compare("CSAT translations", Show(stored.CsatQuestions), Show(csat));
        (stored.PendingFollowUpEnabled, stored.PendingFollowUpText) = (settings.PendingFollowUpEnabled, text);
        (stored.PendingFollowUpTexts, stored.CsatQuestions) = (followUps, csat);
        if (changes.Any)
        {
            audit.Add(db, actor, "automation-settings.updated", "automation settings", changes.ToString());
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done();
    }

    /// <summary>Translations as the audit log shows them: <c>es: "…"; pt-BR: "…"</c>.</summary>
    private static string Show(IReadOnlyDictionary<string, string> translations) =>
        string.Join("; ", translations.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase).Select(t => $"{t.Key}: \"{t.Value}\""));

    private static string Hours(string line) => line.Length == 0 ? "closed" : line;

    private static async Task<string> TargetAsync(InboxDbContext db, int? teamId, CancellationToken cancellationToken) => teamId is { } id
        ? $"business hours of team {await db.Teams.Where(t => t.Id == id).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken) ?? id.ToString()}"
        : "business hours (global default)";
}
