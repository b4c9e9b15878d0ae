using Inbox.Core.Localization;

namespace Inbox.Core.Scheduling;

/// <summary>What an admin types into the business hours form: one text per weekday (Sunday first), closure lines, zone and away text.</summary>
public sealed class BusinessHoursDraft
{
    /// <summary>The team, or null for the global default.</summary>
    public int? TeamId { get; set; }

    /// <summary>Whether these hours are stored yet (false: the form shows suggested hours).</summary>
    public bool Exists { get; set; }

    public string TimeZone { get; set; } = "UTC";

    /// <summary>Seven texts indexed by <see cref="DayOfWeek"/>, e.g. <c>09:00-12:00, 13:00-18:00</c>; empty: closed.</summary>
    public string[] Days { get; set; } = new string[7];

    public string Closures { get; set; } = "";

    public string AwayMessage { get; set; } = "";

    /// <summary>The away message in other languages, for customers whose language is known.</summary>
    public List<LanguageText> AwayTranslations { get; set; } = [];

    /// <summary>A new form: Monday to Friday 9:00–18:00, UTC, with an away message.</summary>
    public static BusinessHoursDraft New(int? teamId) => new()
    {
        TeamId = teamId,
        Days = ["", "09:00-18:00", "09:00-18:00", "09:00-18:00", "09:00-18:00", "09:00-18:00", ""],
        AwayMessage = "Hi {name}, thanks for your message! We're away now and will answer from {next_opening}.",
    };

    public static BusinessHoursDraft Of(BusinessHours hours) => new()
    {
        TeamId = hours.TeamId,
        Exists = true,
        TimeZone = hours.TimeZone,
        Days = BusinessHoursText.WeekLines(hours.Week),
        Closures = hours.Closures,
        AwayMessage = hours.AwayMessage,
        AwayTranslations = LanguageText.Rows(hours.AwayMessages),
    };

    /// <summary>The first thing wrong with the form, in words, or null.</summary>
    public Phrase? Check()
    {
        if (BusinessHoursText.FindZone(TimeZone) is null)
        {
            return new Phrase("\"{0}\" is not a time zone this server knows (use an id like Europe/Paris or America/New_York).", TimeZone);
        }

        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (BusinessHoursText.TryParseDay(Days.ElementAtOrDefault((int)day), out _) is { } error)
            {
                return $"{day}: {error}";
            }
        }

        if (BusinessHoursText.TryParseClosures(Closures, out _) is { } closure)
        {
            return $"Closures: {closure}";
        }

        return AwayMessage.Length > 1000 ? new Phrase("The away message is limited to 1,000 characters.")
            : LanguageText.Check(AwayTranslations, new Phrase("away message"), 1000).Problem;
    }

    /// <summary>The calendar the form describes, or null while it does not parse.</summary>
    public BusinessCalendar? Calendar()
    {
        var hours = new BusinessHours { TimeZone = TimeZone };
        ApplyTo(hours);
        return BusinessHoursText.Calendar(hours);
    }

    internal void ApplyTo(BusinessHours hours)
    {
        hours.TimeZone = TimeZone.Trim();
        hours.Week = string.Join('\n', Enumerable.Range(0, 7).Select(i => (Days.ElementAtOrDefault(i) ?? "").Trim()));
        hours.Closures = Closures.Replace("\r", "").Trim();
        hours.AwayMessage = AwayMessage.Trim();
        hours.AwayMessages = LanguageText.Check(AwayTranslations, new Phrase("away message"), 1000).Translations;
    }
}
