using Inbox.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Inbox.Web.Components.Shared;

/// <summary>"4 min", "3 h", "2 d": compact ages for list rows, in the user's language.</summary>
public static class RelativeTime
{
    public static string Ago(DateTime? at, DateTime now, IStringLocalizer<Ui> t)
    {
        if (at is not { } moment)
        {
            return "";
        }

        var age = now - moment;
        return age.TotalMinutes switch
        {
            < 1 => t["just now"],
            < 60 => t["{0} min", (int)age.TotalMinutes],
            < 60 * 24 => t["{0} h", (int)age.TotalHours],
            _ => t["{0} d", (int)age.TotalDays],
        };
    }

    /// <summary>The instant after <paramref name="now"/> at which <see cref="Ago"/> next reads differently.</summary>
    public static DateTime? NextChange(DateTime? at, DateTime now)
    {
        if (at is not { } moment)
        {
            return null;
        }

        var age = now - moment;
        if (age < TimeSpan.Zero)
        {
            return moment + TimeSpan.FromMinutes(1);
        }

        var unit = age < TimeSpan.FromHours(1) ? TimeSpan.FromMinutes(1) : age < TimeSpan.FromDays(1) ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        return moment + TimeSpan.FromTicks(((age.Ticks / unit.Ticks) + 1) * unit.Ticks);
    }
}
