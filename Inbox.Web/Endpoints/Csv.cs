using System.Globalization;
using System.Text;

namespace Inbox.Web.Endpoints;

/// <summary>
/// RFC 4180 CSV downloads: a header row, then one row per record; values quoted when they need it, numbers invariant.
/// Text that a spreadsheet would read as a formula (OWASP "CSV injection": a leading <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or carriage return) is prefixed with an apostrophe, so a customer's name can never run in Excel.
/// </summary>
public static class Csv
{
    public static IResult File(string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        Append(text, header);
        foreach (var row in rows)
        {
            Append(text, row);
        }

        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"{name}.csv");
    }

    private static void Append(StringBuilder text, IEnumerable<object?> values)
    {
        text.AppendJoin(',', values.Select(Field));
        text.Append("\r\n");
    }

    /// <summary>One field as written to the file; public so the neutralising rule is tested on its own.</summary>
    public static string Field(object? value)
    {
        var raw = value switch
        {
            null => "",
            DateTime at => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            double number => number.ToString("0.##", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => Neutralised(value.ToString() ?? ""),
        };
        return raw.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{raw.Replace("\"", "\"\"")}\"" : raw;
    }

    // Numbers and times are formatted by the app and may be negative: only free text is neutralised.
    private static string Neutralised(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
