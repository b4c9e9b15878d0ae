namespace Inbox.Core.Scheduling;

/// <summary>
/// An admin's business hours: for one team, or the global default (no team) that teams without their own use.
/// The week and the closures are kept as the text the admin typed (see <see cref="BusinessHoursText"/>), so what
/// is shown back is exactly what was entered.
/// </summary>
public class BusinessHours
{
    public int Id { get; set; }

    /// <summary>The team these hours are for; null for the global default.</summary>
    public int? TeamId { get; set; }

    /// <summary>IANA (or Windows) time zone id, e.g. <c>Europe/Paris</c>.</summary>
    public required string TimeZone { get; set; }

    /// <summary>Seven lines, Sunday first (<see cref="DayOfWeek"/> order), each a comma-separated list of ranges like <c>09:00-12:00, 13:00-18:00</c>; empty: closed all day.</summary>
    public string Week { get; set; } = "";

    /// <summary>Closed dates, one per line: <c>2026-12-25 Christmas</c> or a span <c>2026-12-24..2026-12-26 Holidays</c>.</summary>
    public string Closures { get; set; } = "";

    /// <summary>Sent to customers who write while closed; <c>{name}</c> and <c>{next_opening}</c> are filled in. Empty: no away message.</summary>
    public string AwayMessage { get; set; } = "";

    /// <summary>The away message in other languages (tag → text), sent to customers whose language matches; <see cref="AwayMessage"/> otherwise.</summary>
    public Dictionary<string, string> AwayMessages { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public DateTime UpdatedAt { get; set; }
}
