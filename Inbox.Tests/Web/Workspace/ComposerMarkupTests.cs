using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Pages.Workspace;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using Radzen;

namespace Inbox.Tests.Web.Workspace;

/// <summary>The composer in each window state, rendered with the framework's HtmlRenderer at a fixed instant (Friday 2026-11-20 12:00 UTC).</summary>
public sealed class ComposerMarkupTests : CoreTestBase
{
    private DateTime Now => Harness.Time.UtcNow;

    protected override void ConfigureServices(IServiceCollection services) => services.AddRadzenComponents().AddSingleton<IJSRuntime, NoJavaScript>();

    [Fact]
    public async Task Render_MessengerInsideTheWindow_PreselectsFreeFormWithItsEnd()
    {
        var (html, _) = await RenderAsync(A(ChannelKind.Messenger, lastInbound: TimeSpan.FromHours(2)));

        Assert.Contains("Free-form reply (until Sat 10:00 UTC)", Choice(html, "free_form"));
        Assert.Contains("selected", Choice(html, "free_form"));
        Assert.Contains("checked", Choice(html, "free_form"));
        Assert.Contains("refused", Choice(html, "human_agent_tag"));
        Assert.Contains("data-testid=\"composer-text\"", html);
    }

    [Fact]
    public async Task Render_MessengerAfter24Hours_PreselectsTheHumanAgentTagUntilSevenDays()
    {
        var (html, _) = await RenderAsync(A(ChannelKind.Messenger, lastInbound: TimeSpan.FromHours(30)));

        Assert.Contains("Human agent reply (tagged, until Thu 06:00 UTC)", Choice(html, "human_agent_tag"));
        Assert.Contains("selected", Choice(html, "human_agent_tag"));
        Assert.Contains("refused", Choice(html, "free_form"));
    }

    [Fact]
    public async Task Render_WhatsAppAfter24Hours_ShowsTheTemplatePickerAndItsCost()
    {
        await Harness.AddTemplateAsync();

        var (html, _) = await RenderAsync(A(ChannelKind.WhatsApp, lastInbound: TimeSpan.FromHours(26)));

        Assert.Contains("selected", Choice(html, "template"));
        Assert.Contains("refused", Choice(html, "free_form"));
        Assert.Contains("data-testid=\"template-picker\"", html);
        Assert.Contains("order_update · en_US · utility", html);
        Assert.Contains("Costs money: WhatsApp bills each delivered template.", html);
        Assert.DoesNotContain("data-testid=\"composer-text\"", html);
    }

    [Fact]
    public async Task Render_LineWithQuotaLeft_SaysTheReplyIsAPushAndHowMuchIsLeft()
    {
        var (html, _) = await RenderAsync(A(ChannelKind.Line, lastInbound: TimeSpan.FromHours(3), lineQuotaLeft: 363));

        Assert.Contains("selected", Choice(html, "free_form"));
        Assert.Contains("Goes as a LINE push message and uses monthly quota (363 left this month).", html);
    }

    [Fact]
    public async Task Render_NothingAllowed_SaysWhyAndThatNotesStillWork()
    {
        var (html, _) = await RenderAsync(A(ChannelKind.Messenger, lastInbound: TimeSpan.FromDays(8)));

        var closed = Slice(html, "data-testid=\"composer-closed\"", "</p>");
        Assert.Contains("Messenger 24-hour window closed at 2026-11-13 12:00 UTC; nothing can be sent until the customer writes again. Internal notes still work.", closed);
        Assert.Contains("data-testid=\"composer-note-tab\"", html);
        Assert.Contains("refused", Choice(html, "free_form"));
        Assert.Contains("refused", Choice(html, "human_agent_tag"));
    }

    [Fact]
    public async Task SendAsync_TemplateWithAMissingParameter_ShowsTheErrorInlineAndQueuesNothing()
    {
        var template = await Harness.AddTemplateAsync();
        var conversation = A(ChannelKind.WhatsApp, lastInbound: TimeSpan.FromHours(26));

        var (html, _) = await RenderAsync(conversation, async composer =>
        {
            composer.PickTemplate(template);
            composer.SetParameter((0, "Emma"));
            await composer.SendAsync();
        });

        Assert.Contains("Fill in parameter {{2}} of order_update.", Slice(html, "data-testid=\"composer-error\"", "</div>"));
        Assert.Contains("Hi Emma, your order {{2}} has an update.", Slice(html, "data-testid=\"template-preview\"", "</div>"));
        Assert.Contains("data-testid=\"template-param-2\"", html);
    }

    private static Conversation A(ChannelKind kind, TimeSpan lastInbound, int? lineQuotaLeft = null)
    {
        var now = TestClock.New().UtcNow;
        var channel = new Channel { Id = 1, Key = "acme", Kind = kind, Name = $"Acme {kind}", ExternalId = "1", HumanAgentApproved = true };
        if (lineQuotaLeft is { } left)
        {
            (channel.LineQuotaLimit, channel.LineQuotaUsed) = (500, 500 - left);
        }

        return new Conversation { Id = 7, ChannelId = 1, Channel = channel, Kind = ConversationKind.Direct, LastInboundAt = now - lastInbound };
    }

    /// <summary>The markup of one reply type choice, from its label's opening tag to its end.</summary>
    private static string Choice(string html, string slug)
    {
        var at = html.IndexOf($"data-testid=\"reply-type-{slug}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"reply-type-{slug} is not in the markup:\n{html}");
        var from = html.LastIndexOf("<label", at, StringComparison.Ordinal);
        return html[from..html.IndexOf("</label>", at, StringComparison.Ordinal)];
    }

    private static string Slice(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{start} is not in the markup:\n{html}");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private async Task<(string Html, Composer Composer)> RenderAsync(Conversation conversation, Func<Composer, Task>? act = null)
    {
        await using var renderer = new HtmlRenderer(Harness.Services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = new Dictionary<string, object?>
            {
                ["Conversation"] = conversation,
                ["Decision"] = ReplyPolicy.Evaluate(ConversationFacts.Of(conversation), Now),
                ["Now"] = Now,
            };
            ComposerHost? host = null;
            var output = await renderer.RenderComponentAsync<ComposerHost>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                ["Parameters"] = parameters,
                ["Expose"] = (Action<ComposerHost>)(h => host = h),
            }));
            await output.QuiescenceTask;
            if (act is not null)
            {
                await act(host!.Composer);
                await host.RenderAgainAsync();
                await output.QuiescenceTask;
            }

            return (output.ToHtmlString(), host!.Composer);
        });
    }
}
