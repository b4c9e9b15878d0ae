using System.Globalization;
using System.Text;

namespace Inbox.Core.Reporting;

/// <summary>
/// The response-time buckets of <see cref="ResponseRollup"/>: 1 min wide up to 15 min, 15 min up to 1 h, 1 h up to
/// 4 h, 4 h up to 24 h, 1 day up to 7 days, then one (33 in all: few enough for a month of one agent and channel to
/// fit in a few dozen rows, narrow enough for a percentile's bucket to hold a few thousand facts in a year). Every bound of the dashboard's distribution (5 min, 15 min, 1 h,
/// 4 h, 24 h) is a bucket bound, so its bars add up from buckets exactly; a percentile reads the exact seconds of the
/// one bucket it falls in from the facts. The C# function and the SQL expression come from the same table.
/// </summary>
public static class RollupBuckets
{
    /// <summary>The bucket of turns without a reply.</summary>
    public const int Unanswered = -1;

    /// <summary>The bucket of answered turns without seconds (business hours unknown): never read, kept for the window counts.</summary>
    public const int NoSeconds = -2;

    /// <summary>The last bucket: a week or more.</summary>
    public const int Last = 7 * 86400;

    /// <summary>(below this many seconds, buckets this wide).</summary>
    private static readonly (int Below, int Width)[] Steps = [(900, 60), (3600, 900), (14400, 3600), (86400, 14400), (Last, 86400)];

    /// <summary>The bucket (its lower bound) of <paramref name="seconds"/>.</summary>
    public static int Of(int seconds)
    {
        foreach (var (below, width) in Steps)
        {
            if (seconds < below)
            {
                return seconds / width * width;
            }
        }

        return Last;
    }

    /// <summary>The first second after the bucket that starts at <paramref name="bucket"/>.</summary>
    public static int End(int bucket)
    {
        foreach (var (below, width) in Steps)
        {
            if (bucket < below)
            {
                return bucket + width;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The same as SQL over a seconds column (integer division on both engines; seconds are never negative).</summary>
    public static string Sql(string seconds)
    {
        var sql = new StringBuilder("CASE");
        foreach (var (below, width) in Steps)
        {
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {seconds} < {below} THEN {seconds} / {width} * {width}");
        }

        return sql.Append(CultureInfo.InvariantCulture, $" ELSE {Last} END").ToString();
    }
}
