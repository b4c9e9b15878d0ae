namespace Inbox.Web.Endpoints.Contracts;

/// <summary>The query string every report route takes: <c>from</c>/<c>to</c> (yyyy-MM-dd, reporting time zone, inclusive), <c>channel</c> (key), <c>team</c>, <c>agent</c> (ids), <c>format=csv</c>.</summary>
public sealed class ReportQuery
{
    public string? From { get; init; }

    public string? To { get; init; }

    public string? Channel { get; init; }

    public int? Team { get; init; }

    public int? Agent { get; init; }

    public string? Format { get; init; }

    public bool Csv => string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase);
}
