using System.ComponentModel.DataAnnotations;

namespace Inbox.Core.Reporting;

/// <summary>Reporting settings, section <c>Reporting</c>.</summary>
public sealed class ReportingOptions : IValidatableObject
{
    public const string Section = "Reporting";

    /// <summary>IANA or Windows time zone id that days, weekdays and hours of the dashboard are in.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Response times, windows lost and the agents table read the daily and monthly roll-up (false: the fact tables
    /// alone, the reference the roll-up always equals; slower over long ranges).
    /// </summary>
    public bool ReadRollups { get; set; } = true;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Reporting:TimeZone '{TimeZone}' is not a known time zone id.");
        }
    }
}
