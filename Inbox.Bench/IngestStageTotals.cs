using System.Globalization;
using System.Text.RegularExpressions;

namespace Inbox.Bench;

/// <summary>
/// Sums the app's "Ingest stages:" log lines (written by <c>Inbox.Core.Channels.Inbound.IngestStages</c> every 10 s of
/// processing) over a stretch of its output: where the processing time of a run went, stage by stage and by event handler.
/// </summary>
internal sealed partial class IngestStageTotals
{
    private readonly Dictionary<string, long> stages = [];
    private readonly Dictionary<string, long> handlers = [];
    private int deliveries;

    public static IngestStageTotals Parse(IEnumerable<string> outputs)
    {
        var totals = new IngestStageTotals();
        foreach (Match line in outputs.SelectMany(o => StagesLine().Matches(o)))
        {
            totals.deliveries += int.Parse(line.Groups["deliveries"].Value, CultureInfo.InvariantCulture);
            Add(totals.stages, line.Groups["stages"].Value);
            Add(totals.handlers, line.Groups["handlers"].Value);
        }

        return totals;
    }

    /// <summary>One line: each stage's milliseconds and share of the total, then the handlers that took the most.</summary>
    public string Describe()
    {
        var total = Math.Max(1, stages.Values.Sum());
        var perStage = string.Join(", ", stages.Select(s => $"{s.Key} {s.Value:N0} ms ({100.0 * s.Value / total:F0} %)"));
        var perHandler = string.Join(", ", handlers.OrderByDescending(h => h.Value).Take(6).Select(h => $"{h.Key} {h.Value:N0} ms"));
        return deliveries == 0
            ? "no \"Ingest stages\" lines in the app's log"
            : $"{deliveries:N0} deliveries, {total:N0} ms of processing ({(double)total / deliveries:F2} ms each): {perStage}; in \"events\", the handlers: {perHandler}";
    }

    private static void Add(Dictionary<string, long> into, string list)
    {
        foreach (Match part in Part().Matches(list))
        {
            var name = part.Groups["name"].Value;
            into[name] = into.GetValueOrDefault(name) + long.Parse(part.Groups["ms"].Value, CultureInfo.InvariantCulture);
        }
    }

    [GeneratedRegex(@"Ingest stages: (?<deliveries>\d+) deliveries in \d+ batches over [\d.]+ s; (?<stages>[^;]*); handlers: (?<handlers>[^\r\n]*)")]
    private static partial Regex StagesLine();

    [GeneratedRegex(@"(?<name>\w+) (?<ms>\d+) ms")]
    private static partial Regex Part();
}
