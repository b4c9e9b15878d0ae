using Inbox.E2E.Infrastructure;
using Inbox.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E;

/// <summary>Customer-controlled text (message, contact name) and agent-typed template parameters render as inert text.</summary>
[Collection(AppCollection.Name)]
public sealed class HostileTextTests(AppFixture fixture) : BrowserTest
{
    protected override AppFixture Fixture => fixture;

    private const string Payload = "<script>window.__pwned='script'</script><img src=x onerror=\"window.__pwned='img'\"><b>bold</b> \u202Egnp.exe";

    [Fact]
    public async Task Customer_SendsMarkupAndRtlControls_AgentSeesInertTextAndNoScriptRuns()
    {
        var phone = await fixture.NewPageAsync();
        var simulator = new SimulatorPage(phone);
        await simulator.OpenAsync();
        await simulator.ChooseChannelAsync("Northwind WhatsApp");
        await simulator.WriteAsNewCustomerAsync("<img src=x onerror=\"window.__pwned='name'\">Mallory", Payload);

        var desk = await fixture.NewPageAsync();
        var inbox = await new LoginPage(desk).SignInAsync("agent@inbox.demo");
        var name = "<img src=x onerror=\"window.__pwned='name'\">Mallory";
        await Expect(inbox.Row(name)).ToBeVisibleAsync();
        await inbox.OpenConversationAsync(name);
        await Expect(inbox.Messages.Last).ToContainTextAsync("<script>window.__pwned='script'</script>");

        // The markup arrived as characters: no element was created from it and nothing ran, on either side.
        Assert.Equal(0, await desk.Locator("[data-testid=timeline] img, [data-testid=timeline] script, [data-testid=timeline] b").CountAsync());
        Assert.Null(await desk.EvaluateAsync<string?>("() => window.__pwned ?? null"));
        Assert.Null(await phone.EvaluateAsync<string?>("() => window.__pwned ?? null"));

        var composer = new ComposerPage(desk);
        await Expect(inbox.Messages.Last).ToContainTextAsync("[U+202E]gnp.exe");
        await composer.WriteAsync("Agent echo: " + Payload);
        await composer.SendAsync();
        await Expect(inbox.Messages.Last).ToContainTextAsync("Agent echo: <script>");
        Assert.Null(await desk.EvaluateAsync<string?>("() => window.__pwned ?? null"));
        await desk.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotFolder, "hostile-text.png") });
    }
}
