namespace Inbox.Web.Components.Shared;

/// <summary>"4 min", "3 h", "2 d": compact ages for list rows.</summary>
public static class RelativeTime
{
    public static string Ago(DateTime? at, DateTime now)
    {
        if (at is not { } t)
        {
            return "";
        }

        var age = now - t;
        return age.TotalMinutes switch
        {
            < 1 => "now",
            < 60 => $"{(int)age.TotalMinutes} min",
            < 60 * 24 => $"{(int)age.TotalHours} h",
            _ => $"{(int)age.TotalDays} d",
        };
    }
}
