namespace Inbox.Core.Reporting;

/// <summary>First and next response times over a range, in wall-clock time and, when a business calendar exists, in business hours.</summary>
/// <param name="First">Replies to a conversation's first customer turn.</param>
/// <param name="Next">Replies to every later customer turn.</param>
/// <param name="FirstBusiness">Null when no business calendar exists.</param>
public sealed record ResponseTimes(TimeDistribution First, TimeDistribution Next, TimeDistribution? FirstBusiness, TimeDistribution? NextBusiness)
{
    public static ResponseTimes Of(IReadOnlyList<ResponseRow> rows, bool businessHours)
    {
        TimeDistribution Distribution(bool first, Func<ResponseRow, int?> seconds)
        {
            var turns = rows.Where(r => r.IsFirst == first).ToList();
            return TimeDistribution.Of(turns.Select(seconds).OfType<int>(), turns.Count(r => r.RespondedAt is null));
        }

        return new ResponseTimes(
            Distribution(true, r => r.ResponseSeconds),
            Distribution(false, r => r.ResponseSeconds),
            businessHours ? Distribution(true, r => r.BusinessResponseSeconds) : null,
            businessHours ? Distribution(false, r => r.BusinessResponseSeconds) : null);
    }
}
