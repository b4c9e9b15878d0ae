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
}
