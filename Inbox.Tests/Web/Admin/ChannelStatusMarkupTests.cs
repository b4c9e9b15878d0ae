using Inbox.Core.Channels;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using Radzen;

namespace Inbox.Tests.Web.Admin;

/// <summary>The admin page's alert and quota wording, rendered with the framework's HtmlRenderer.</summary>
public sealed class ChannelStatusMarkupTests : IAsyncDisposable
{
    private static readonly DateTime Noon = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
    private readonly ServiceProvider services = new ServiceCollection().AddRadzenComponents().AddSingleton<IJSRuntime, NoJavaScript>().BuildServiceProvider();

    [Theory]
    [InlineData(null, null, "not fetched yet")]
    [InlineData(120, 500, "120 / 500")]
    [InlineData(37, null, "37 / unlimited")]
    public async Task LineQuota_CachedFigures_ReadAsUsedOverLimit(int? used, int? limit, string expected)
    {
        var row = ALineRow() with { LineQuotaUsed = used, LineQuotaLimit = limit, LineQuotaCheckedAt = used is null ? null : Noon };

        var html = await RenderAsync<LineQuota>(row);

        Assert.Contains(expected, html);
        Assert.Equal(used is not null, html.Contains("checked <span class=\"nowrap\">2026-11-20 12:00 UTC</span>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChannelAlerts_RefusedTokenAndHumanAgent_ShowsBothWithTheirTimes()
    {
        var row = ALineRow() with { Kind = ChannelKind.Messenger, AuthError = "Graph 190: Session has expired", AuthErrorAt = Noon, HumanAgentRefusedAt = Noon.AddHours(-1) };

        var html = await RenderAsync<ChannelAlerts>(row);

        Assert.Contains("Access token refused on 2026-11-20 12:00 UTC: Graph 190: Session has expired — enter a new token", html);
        Assert.Contains("Meta refused a HUMAN_AGENT send on 2026-11-20 11:00 UTC: this Page lacks the approval.", html);
    }

    [Fact]
    public async Task ChannelAlerts_HealthyChannel_RendersNothing()
    {
        var html = await RenderAsync<ChannelAlerts>(ALineRow());

        Assert.False(ChannelAlerts.HasAlerts(ALineRow()));
        Assert.Equal("", html.Trim());
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();

    private static ChannelAdminRow ALineRow() => new(
        1, "acme-line", ChannelKind.Line, "Acme LINE", "U123", "••••5678", "••••cdef", false, false, false, 0,
        null, null, null, null, null, null);

    private async Task<string> RenderAsync<TComponent>(ChannelAdminRow row)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Row"] = row }));
            return output.ToHtmlString();
        });
    }
}
