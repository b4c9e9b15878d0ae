namespace Inbox.Core.Reporting;

/// <summary>Order statistics over response times.</summary>
public static class Percentiles
{
    /// <summary>The <paramref name="q"/>-quantile (0–1) of ascending <paramref name="sorted"/>, interpolating between neighbours; null when empty. q = 0.5 is the median.</summary>
    public static double? Of(IReadOnlyList<int> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }

    /// <summary>The same over a histogram of (value, how many times), ascending by value.</summary>
    public static double? Of(IReadOnlyList<(int Value, int Count)> histogram, double q)
    {
        var total = histogram.Sum(h => (long)h.Count);
        if (total == 0)
        {
            return null;
        }

        var position = q * (total - 1);
        var below = (long)Math.Floor(position);
        return At(histogram, below) + ((At(histogram, Math.Min(below + 1, total - 1)) - At(histogram, below)) * (position - below));
    }

    /// <summary>Mean of the fastest <paramref name="share"/> of ascending <paramref name="sorted"/> (at least one value); null when empty.</summary>
    public static double? MeanOfFastest(IReadOnlyList<int> sorted, double share)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var take = Math.Max(1, (int)Math.Ceiling(share * sorted.Count));
        return sorted.Take(take).Average();
    }

    /// <summary>The value at 0-based <paramref name="index"/> of the expanded histogram.</summary>
    private static int At(IReadOnlyList<(int Value, int Count)> histogram, long index)
    {
        foreach (var (value, count) in histogram)
        {
            if (index < count)
            {
                return value;
            }

            index -= count;
        }

        return histogram[^1].Value;
    }
}
