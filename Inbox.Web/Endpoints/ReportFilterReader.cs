using System.Globalization;
using Inbox.Core.Channels;
using Inbox.Core.Reporting;
using Inbox.Web.Endpoints.Contracts;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Endpoints;

/// <summary>Turns a report query string into a <see cref="ReportFilter"/>, or a 400 problem saying what is wrong.</summary>
public static class ReportFilterReader
{
    /// <summary>Runs <paramref name="report"/> with the filter read from <paramref name="query"/>, or answers 400.</summary>
    public static async Task<IResult> WithFilterAsync(ReportQuery query, HttpContext http, Func<ReportFilter, CancellationToken, Task<IResult>> report)
    {
        var (filter, error) = await ReadAsync(query, http.RequestServices, http.RequestAborted);
        return error ?? await report(filter!, http.RequestAborted);
    }

    public static async Task<(ReportFilter? Filter, IResult? Error)> ReadAsync(ReportQuery query, IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<ReportingOptions>>();
        var time = services.GetRequiredService<TimeProvider>();
        var channels = services.GetRequiredService<ChannelDirectory>();
        var zone = options.Value.Zone;
        var today = ReportFilter.Today(time, zone);
        if (!TryDay(query.To, today, out var last) || !TryDay(query.From, last.AddDays(1 - ReportFilter.DefaultDays), out var first))
        {
            return (null, Problems.BadRequest("from and to must be dates written yyyy-MM-dd."));
        }

        if (first > last)
        {
            return (null, Problems.BadRequest("from must not be after to."));
        }

        int? channelId = null;
        if (query.Channel is { } key)
        {
            var channel = (await channels.ListAsync(cancellationToken)).FirstOrDefault(c => c.Key == key);
            if (channel is null)
            {
                return (null, Problems.BadRequest($"There is no channel with the key '{key}'."));
            }

            channelId = channel.Id;
        }

        if (query.Format is not (null or "json" or "csv"))
        {
            return (null, Problems.BadRequest("format must be json or csv."));
        }

        return (ReportFilter.ForDays(first, last, zone, channelId, query.Team, query.Agent), null);
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrEmpty(text))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
