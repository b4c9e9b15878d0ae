using System.Globalization;
using System.Text;

namespace Inbox.Web.Endpoints;

/// <summary>RFC 4180 CSV downloads: a header row, then one row per record; values quoted when they need it, numbers invariant.</summary>
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

    private static string Field(object? value)
    {
        var raw = value switch
        {
            null => "",
            DateTime at => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            double number => number.ToString("0.##", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return raw.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{raw.Replace("\"", "\"\"")}\"" : raw;
    }
}
