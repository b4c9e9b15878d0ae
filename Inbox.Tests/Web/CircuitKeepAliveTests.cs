using System.Globalization;
using System.Text.RegularExpressions;
using Inbox.Tests.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Tests.Web;

/// <summary>
/// The two halves of the tab's keep-alive agree: the page starts Blazor through <c>js/blazor-start.js</c>, and that
/// script's timings fit the server's hub options, or an idle tab would be dropped as silent while both sides are well.
/// </summary>
public sealed partial class CircuitKeepAliveTests(InboxAppFactory app) : IClassFixture<InboxAppFactory>
{
    [Fact]
    public async Task Page_StartsBlazorWithPingsTheServerExpects()
    {
        var client = app.CreateClient();
        var html = await client.GetStringAsync("/login");
        Assert.Contains("<script src=\"_framework/blazor.web.js\" autostart=\"false\"></script>", html);
        var start = StartScript().Match(html);
        Assert.True(start.Success, "the page does not load js/blazor-start.js");
        var script = await client.GetStringAsync(start.Groups["src"].Value);

        var server = HubOptions();
        var clientPings = Milliseconds(script, "withKeepAliveInterval");
        var clientTimeout = Milliseconds(script, "withServerTimeout");

        // Each side gives the other two of its ping intervals before it gives up, as SignalR recommends.
        Assert.Equal(TimeSpan.FromSeconds(30), server.KeepAliveInterval);
        Assert.Equal(server.KeepAliveInterval, clientPings);
        Assert.True(clientTimeout >= 2 * server.KeepAliveInterval!.Value, $"the browser gives up after {clientTimeout}, the server pings every {server.KeepAliveInterval}");
        Assert.True(server.ClientTimeoutInterval >= 2 * clientPings, $"the server gives up after {server.ClientTimeoutInterval}, the browser pings every {clientPings}");
    }

    /// <summary>The options of Blazor's own hub, whose type the framework keeps internal.</summary>
    private HubOptions HubOptions()
    {
        var hub = Type.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub, Microsoft.AspNetCore.Components.Server", throwOnError: true)!;
        var options = app.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub)));
        return (HubOptions)options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options)!;
    }

    private static TimeSpan Milliseconds(string script, string call)
    {
        var match = Regex.Match(script, call + @"\((\d+)\)");
        Assert.True(match.Success, $"js/blazor-start.js does not call {call}");
        return TimeSpan.FromMilliseconds(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<script src=\"(?<src>[^\"]*js/blazor-start[^\"]*\\.js)\"></script>")]
    private static partial Regex StartScript();
}
