using System.Globalization;
using Inbox.Core.Channels;
using Inbox.Core.Identity;
using Inbox.Core.Localization;
using Inbox.Core.Reporting;
using Inbox.Web.Endpoints.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Endpoints;

/// <summary>
/// <c>/api/reports</c>: the dashboard's figures for other tools, JSON or (<c>format=csv</c>) CSV. Supervisors and admins
/// only, by API key or by their sign-in cookie (the dashboard's CSV links); agent keys are refused.
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var access = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme, ApiKeyAuthenticationHandler.SchemeName)
            .RequireRole(Roles.Supervisor, Roles.Admin).Build();
        var reports = app.MapGroup("/api/reports").RequireAuthorization(access).DisableAntiforgery().WithTags("Reports")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        reports.MapGet("/definitions", (PhraseText say) => Results.Ok(MetricDefinitions.All.ToDictionary(d => d.Key, d => say[d.Value]))).WithSummary("What every figure means.");
        reports.MapGet("/now", (NowReport now, CancellationToken ct) => now.NowAsync(ct)).WithSummary("Open conversations, windows ending within 1 h, agents online, the longest wait.");
        reports.MapGet("/badge", BadgeAsync).WithSummary("Facebook 'Very responsive' badge estimate per Messenger channel: 7 and 30 days, mean of fastest 90 % and median, verdict.");
        reports.MapGet("/response-times", ResponseTimesAsync).WithSummary("First and next response time distributions, p50 and p90.");
        reports.MapGet("/windows-lost", WindowsLostAsync).WithSummary("Standard windows that closed unanswered, per channel and agent, and how many were saved afterwards.");
        reports.MapGet("/volume", VolumeAsync).WithSummary("Customer turns by weekday and hour.");
        reports.MapGet("/backlog", BacklogAsync).WithSummary("Customer turns waiting at the end of each day.");
        reports.MapGet("/csat", CsatAsync).WithSummary("Survey average, score distribution and response rate.");
        reports.MapGet("/whatsapp-sends", WhatsAppAsync).WithSummary("WhatsApp templates by category and service messages per month: what Meta bills.");
        reports.MapGet("/line-quota", LineQuotaAsync).WithSummary("LINE push quota used and the month-end forecast.");
        reports.MapGet("/agents", AgentsAsync).WithSummary("The per-agent table.");
        return app;
    }

    private static Task<IResult> BadgeAsync([AsParameters] ReportQuery query, HttpContext http, BadgeReport badge) => ReportFilterReader.WithFilterAsync(query, http, async (filter, ct) =>
    {
        var estimates = await badge.EstimateAsync(filter.ChannelId, ct);
        return !query.Csv ? Results.Ok(estimates) : Csv.File("badge",
            ["channel", "span_days", "used_last_10", "counted", "answered", "response_rate", "mean_fastest_90_min", "median_min", "excluded", "verdict"],
            estimates.SelectMany(e => new[] { e.Last7Days, e.Last30Days }.Select(s => (IReadOnlyList<object?>)
                [e.ChannelName, s.Days, s.UsedLastTen, s.Counted, s.Answered, s.ResponseRate, s.MeanFastest90Minutes, s.MedianMinutes, e.Excluded, e.Verdict])));
    });

    private static Task<IResult> ResponseTimesAsync([AsParameters] ReportQuery query, HttpContext http, ResponseReports reports) => ReportFilterReader.WithFilterAsync(query, http, async (filter, ct) =>
    {
        var times = await reports.ResponseTimesAsync(filter, ct);
        if (!query.Csv)
        {
            return Results.Ok(new { times.First, times.Next, times.FirstBusiness, times.NextBusiness, businessHours = reports.HasBusinessHours });
        }

        var series = new[] { ("first", times.First), ("next", times.Next), ("first_business", times.FirstBusiness), ("next_business", times.NextBusiness) };
        return Csv.File("response-times", ["response", "bucket", "count"],
            series.Where(s => s.Item2 is not null).SelectMany(s => s.Item2!.Buckets.Select(b => (IReadOnlyList<object?>)[s.Item1, b.Label, b.Count])
                .Append([s.Item1, "unanswered", s.Item2.Unanswered]).Append([s.Item1, "p50_min", s.Item2.P50Minutes]).Append([s.Item1, "p90_min", s.Item2.P90Minutes])));
    });

    private static Task<IResult> WindowsLostAsync([AsParameters] ReportQuery query, HttpContext http, ResponseReports reports) => ReportFilterReader.WithFilterAsync(query, http, async (filter, ct) =>
    {
        var lost = await reports.WindowsLostAsync(filter, ct);
        return !query.Csv ? Results.Ok(lost) : Csv.File("windows-lost", ["by", "group", "with_window", "lost", "saved_by_human_agent", "saved_by_template", "unsaved"],
            lost.ByChannel.Select(r => ("channel", r)).Concat(lost.ByAgent.Select(r => ("agent", r))).Select(x => (IReadOnlyList<object?>)
                [x.Item1, x.r.Group, x.r.WithWindow, x.r.Lost, x.r.SavedByHumanAgent, x.r.SavedByTemplate, x.r.Unsaved]));
    });

    private static Task<IResult> VolumeAsync([AsParameters] ReportQuery query, HttpContext http, ResponseReports reports) => ReportFilterReader.WithFilterAsync(query, http, async (filter, ct) =>
    {
        var cells = await reports.VolumeAsync(filter, ct);
        return !query.Csv ? Results.Ok(cells) : Csv.File("volume", ["weekday", "hour", "turns"], cells.Select(c => (IReadOnlyList<object?>)[c.Weekday, c.Hour, c.Count]));
    });

    private static Task<IResult> BacklogAsync([AsParameters] ReportQuery query, HttpContext http, ResponseReports reports) => ReportFilterReader.WithFilterAsync(query, http, async (filter, ct) =>
    {
        var points = await reports.BacklogAsync(filter, ct);
        return !query.Csv ? Results.Ok(points) : Csv.File("backlog", ["day", "waiting"],
            points.Select(p => (IReadOnlyList<object?>)[p.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Waiting]));
    });

    private static Task<IResult> CsatAsync([AsParameters] ReportQuery query, HttpContext http, CsatReport csat) => ReportFilterReader.WithFilterAsync(query, http, async (filter, ct) =>
    {
        var summary = await csat.SummaryAsync(filter, ct);
        return !query.Csv ? Results.Ok(summary) : Csv.File("csat", ["score", "answers"],
            summary.Distribution.Select(d => (IReadOnlyList<object?>)[d.Score, d.Count])
                .Append(["sent", summary.Sent]).Append(["answered", summary.Answered]).Append(["average", summary.Average]));
    });

    private static Task<IResult> WhatsAppAsync([AsParameters] ReportQuery query, HttpContext http, CostReport costs) => ReportFilterReader.WithFilterAsync(query, http, async (filter, ct) =>
    {
        var rows = await costs.WhatsAppAsync(filter, ct);
        return !query.Csv ? Results.Ok(rows) : Csv.File("whatsapp-sends",
            ["channel", "month", "marketing", "utility", "authentication", "other_templates", "service", "service_billed", "billable", "from_meta"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Channel, r.Month, r.Marketing, r.Utility, r.Authentication, r.OtherTemplates, r.Service, r.ServiceBilled, r.Billable, r.FromMeta]));
    });

    private static Task<IResult> LineQuotaAsync([AsParameters] ReportQuery query, HttpContext http, CostReport costs) => ReportFilterReader.WithFilterAsync(query, http, async (filter, ct) =>
    {
        var rows = await costs.LineQuotaAsync(filter.ChannelId, ct);
        return !query.Csv ? Results.Ok(rows) : Csv.File("line-quota", ["channel", "limit", "used", "checked_at", "forecast_month_end", "runs_out"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Channel, r.Limit, r.Used, r.CheckedAt, r.ForecastAtMonthEnd, r.RunsOut]));
    });

    private static Task<IResult> AgentsAsync([AsParameters] ReportQuery query, HttpContext http, AgentReport agents) => ReportFilterReader.WithFilterAsync(query, http, async (filter, ct) =>
    {
        var rows = await agents.RowsAsync(filter, ct);
        return !query.Csv ? Results.Ok(rows) : Csv.File("agents",
            ["agent", "presence", "open_assigned", "answered", "waiting", "first_p50_min", "next_p50_min", "p90_min", "windows_lost", "csat_average"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.Presence, r.OpenAssigned, r.Answered, r.Waiting, r.FirstP50Minutes, r.NextP50Minutes, r.P90Minutes, r.WindowsLost, r.CsatAverage]));
    });
}
