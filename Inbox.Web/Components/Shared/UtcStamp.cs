namespace Inbox.Web.Components.Shared;

/// <summary>"2026-11-20 12:00 UTC": instants on admin pages, where the exact moment matters more than its age.</summary>
public static class UtcStamp
{
    public static string Of(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
}
