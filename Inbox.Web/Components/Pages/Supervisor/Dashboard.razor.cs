using Inbox.Core.Channels;
using Inbox.Core.Reporting;
using Inbox.Core.Routing;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Components.Pages.Supervisor;

/// <summary>
/// The supervisor dashboard: a live "now" strip, the badge estimate, response times, windows lost, volume, backlog,
/// satisfaction, cost and quota, and the per-agent table. Every figure comes from Core's reports over pre-aggregated
/// facts; every table links to the same figures as CSV from <c>/api/reports</c>.
/// </summary>
public sealed partial class Dashboard : IDisposable
{
    private IDisposable? live;
    private int refreshing;

    [Inject] private BadgeReport BadgeReport { get; set; } = default!;
    [Inject] private ResponseReports ResponseReports { get; set; } = default!;
    [Inject] private CsatReport CsatReport { get; set; } = default!;
    [Inject] private CostReport CostReport { get; set; } = default!;
    [Inject] private AgentReport AgentReport { get; set; } = default!;
    [Inject] private NowReport NowReport { get; set; } = default!;
    [Inject] private ChannelDirectory ChannelDirectory { get; set; } = default!;
    [Inject] private AgentDirectory Routing { get; set; } = default!;
    [Inject] private InboxNotifier Notifier { get; set; } = default!;
    [Inject] private IOptions<ReportingOptions> Options { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private DashboardFilter Selection { get; set; } = default!;
    private string Zone => Options.Value.TimeZone;
    private bool HasBusinessHours => ResponseReports.HasBusinessHours;

    private IReadOnlyList<Channel> Channels { get; set; } = [];
    private IReadOnlyList<TeamSummary> Teams { get; set; } = [];
    private IReadOnlyList<AgentSummary> Agents { get; set; } = [];
    private NowStrip? Now { get; set; }
    private IReadOnlyList<BadgeEstimate>? Badges { get; set; }
    private ResponseTimes? Times { get; set; }
    private WindowsLostReport? Lost { get; set; }
    private IReadOnlyList<VolumeCell>? Volume { get; set; }
    private IReadOnlyList<BacklogPoint>? Backlog { get; set; }
    private CsatSummary? Csat { get; set; }
    private IReadOnlyList<WhatsAppSendsRow>? WhatsApp { get; set; }
    private IReadOnlyList<LineQuotaRow>? LineQuota { get; set; }
    private IReadOnlyList<AgentReportRow>? AgentRows { get; set; }

    public void Dispose() => live?.Dispose();

    protected override async Task OnInitializedAsync()
    {
        var today = ReportFilter.Today(Time, Options.Value.Zone);
        Selection = new DashboardFilter(today.AddDays(1 - ReportFilter.DefaultDays), today);
        Channels = await ChannelDirectory.ListAsync();
        Teams = await Routing.TeamsAsync();
        Agents = await Routing.AgentsAsync();
        await ApplyAsync(Selection);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            // The now strip follows the inbox live; the range reports change only when the filters do.
            live = Notifier.Subscribe(_ => InvokeAsync(RefreshNowAsync));
        }
    }

    private async Task RefreshNowAsync()
    {
        if (Interlocked.Exchange(ref refreshing, 1) == 1)
        {
            return;
        }

        try
        {
            Now = await NowReport.NowAsync();
            StateHasChanged();
        }
        finally
        {
            refreshing = 0;
        }
    }

    private async Task ApplyAsync(DashboardFilter selection)
    {
        Selection = selection;
        var filter = ReportFilter.ForDays(
            selection.From, selection.To, Options.Value.Zone,
            Channels.FirstOrDefault(c => c.Key == selection.ChannelKey)?.Id, selection.TeamId, selection.AgentId);
        Now = await NowReport.NowAsync();
        Badges = await BadgeReport.EstimateAsync(filter.ChannelId);
        Times = await ResponseReports.ResponseTimesAsync(filter);
        Lost = await ResponseReports.WindowsLostAsync(filter);
        Volume = await ResponseReports.VolumeAsync(filter);
        Backlog = await ResponseReports.BacklogAsync(filter);
        Csat = await CsatReport.SummaryAsync(filter);
        WhatsApp = await CostReport.WhatsAppAsync(filter);
        LineQuota = await CostReport.LineQuotaAsync(filter.ChannelId);
        AgentRows = await AgentReport.RowsAsync(filter);
    }
}
