using System.Text.RegularExpressions;
using Inbox.E2E.Infrastructure;
using Inbox.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E;

/// <summary>Replying from the composer on the demo's simulated channels, where a queued reply is "sent" within a second.</summary>
[Collection(AppCollection.Name)]
public sealed class ComposerTests(AppFixture fixture) : BrowserTest
{
    protected override AppFixture Fixture => fixture;

    [Fact]
    public async Task Agent_RepliesFreeFormInsideTheWindow_MessageShowsAsSent()
    {
        var page = await fixture.NewPageAsync();
        var inbox = await new LoginPage(page).SignInAsync("agent@inbox.demo");
        var composer = new ComposerPage(page);

        // Demo: Priya wrote on Messenger 3.5 h ago, nobody has the conversation yet.
        await inbox.OpenConversationAsync("Priya Natarajan");
        await Expect(composer.ReplyType("free_form")).ToHaveClassAsync(new Regex("selected"));
        await composer.WriteAsync("Yes, the Trailhead 40L is fully waterproof.");
        await composer.SendAsync();

        var reply = inbox.Messages.Last;
        await Expect(reply).ToContainTextAsync("fully waterproof");
        await Expect(reply.GetByTestId("delivery-status")).ToHaveAttributeAsync("data-status", "Sent");
        await Expect(composer.Text).ToHaveValueAsync("");
        await Expect(page.GetByTestId("conversation-meta")).ToContainTextAsync("Alice Agent");
        await Expect(page.GetByTestId("assign-control")).ToContainTextAsync("Alice Agent");
        await inbox.ScreenshotAsync("composer-free-form-sent");
    }

    [Fact]
    public async Task Agent_OnWhatsAppPast24Hours_SendsATemplateAfterPreviewingIt()
    {
        var page = await fixture.NewPageAsync();
        var inbox = await new LoginPage(page).SignInAsync("agent@inbox.demo");
        var composer = new ComposerPage(page);

        // Demo: Emma wrote on WhatsApp 26 h ago: only templates are allowed.
        await inbox.OpenConversationAsync("Emma Johansson");
        await Expect(composer.ReplyType("template")).ToHaveClassAsync(new Regex("selected"));
        await Expect(composer.ReplyType("free_form").Locator("input")).ToBeDisabledAsync();
        await Expect(composer.Text).ToHaveCountAsync(0);
        await composer.ChooseTemplateAsync("order_update", "en_US", "utility");
        await composer.FillTemplateParameterAsync(1, "Emma");
        await composer.FillTemplateParameterAsync(2, "#10455");
        await Expect(composer.TemplatePreview).ToHaveTextAsync("Hi Emma, your order #10455 has an update. Reply to this message and we will help you right away.");
        await Expect(composer.Root).ToContainTextAsync("WhatsApp bills each delivered template at the utility rate");
        await inbox.ScreenshotAsync("composer-whatsapp-template-preview");

        await composer.SendAsync();

        var reply = inbox.Messages.Last;
        await Expect(reply).ToContainTextAsync("Hi Emma, your order #10455 has an update.");
        await Expect(reply.GetByTestId("message-reply-type")).ToHaveTextAsync("Template");
        await Expect(reply.GetByTestId("delivery-status")).ToHaveAttributeAsync("data-status", "Sent");
        await inbox.ScreenshotAsync("composer-whatsapp-template-sent");
    }

    [Fact]
    public async Task Agent_OnMessengerPast24Hours_SendsAHumanAgentReply()
    {
        var page = await fixture.NewPageAsync();
        var inbox = await new LoginPage(page).SignInAsync("agent@inbox.demo");
        var composer = new ComposerPage(page);

        // Demo: Kenji wrote 31 h ago on a Page with Human Agent approval.
        await inbox.OpenConversationAsync("Kenji Watanabe");
        await Expect(composer.ReplyType("human_agent_tag")).ToHaveClassAsync(new Regex("selected"));
        await Expect(composer.ReplyType("human_agent_tag")).ToContainTextAsync(new Regex(@"Human agent reply \(tagged, until \w{3} \d\d:\d\d UTC\)"));
        await composer.WriteAsync("Sorry for the wait, Kenji: your refund left our bank today.");
        await composer.SendAsync();

        var reply = inbox.Messages.Last;
        await Expect(reply).ToContainTextAsync("your refund left our bank today");
        await Expect(reply.GetByTestId("message-reply-type")).ToHaveTextAsync("Human agent reply (tagged)");
        await Expect(reply.GetByTestId("delivery-status")).ToHaveAttributeAsync("data-status", "Sent");
        await inbox.ScreenshotAsync("composer-human-agent-sent");
    }
}
