using System.Globalization;

namespace Inbox.Web.Components.Pages.Supervisor;

/// <summary>Short, readable durations for the dashboard: "45 s", "12 min", "3 h 20 min", "2 d 4 h".</summary>
public static class Durations
{
    public static string Short(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => $"{Math.Max(0, (int)span.TotalSeconds)} s",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 1 } => span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => span.Hours == 0 ? $"{(int)span.TotalDays} d" : $"{(int)span.TotalDays} d {span.Hours} h",
    };

    /// <summary>Minutes with one decimal below an hour, else the short form; a dash when there is no figure.</summary>
    public static string Minutes(double? minutes) => minutes switch
    {
        null => "—",
        < 60 => $"{minutes.Value.ToString("0.#", CultureInfo.CurrentCulture)} min",
        _ => Short(TimeSpan.FromMinutes(minutes.Value)),
    };

    public static string Percent(double? share) => share is { } s ? $"{(s * 100).ToString("0.#", CultureInfo.CurrentCulture)} %" : "—";
}
