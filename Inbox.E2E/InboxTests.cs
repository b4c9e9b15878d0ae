using System.Text.RegularExpressions;
using Inbox.E2E.Infrastructure;
using Inbox.E2E.PageObjects;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E;

[Collection(AppCollection.Name)]
public sealed class InboxTests(AppFixture fixture) : BrowserTest
{
    protected override AppFixture Fixture => fixture;

    [Fact]
    public async Task Agent_SignsIn_SeesTickingCountdownsAndOpensAConversation()
    {
        var page = await fixture.NewPageAsync();
        var inbox = await new LoginPage(page).SignInAsync("agent@inbox.demo");

        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Alice Agent");
        await Expect(inbox.Rows.First).ToBeVisibleAsync();
        Assert.True(await inbox.Rows.CountAsync() >= 10, "the demo inbox lists its open conversations");

        // Demo: Jonas wrote 22 h 45 min ago on Messenger, so about 1 h 15 min of the 24 h window is left: hours and
        // minutes. Ahmed wrote on WhatsApp 23 h 30 min ago: in the last hour the seconds tick.
        var countdown = inbox.CountdownOf("Jonas Lindqvist");
        await Expect(countdown).ToContainTextAsync("24 h window");
        await Expect(countdown.GetByTestId("countdown-time")).ToHaveTextAsync(new Regex(@"^1h \d\dm$"));
        var time = inbox.CountdownOf("Ahmed Hassan").GetByTestId("countdown-time");
        await Expect(time).ToHaveTextAsync(new Regex(@"^\d{1,2}:\d\d$"));
        var first = await time.TextContentAsync();
        await Expect(time).Not.ToHaveTextAsync(first!);

        await inbox.OpenConversationAsync("Jonas Lindqvist");
        await Expect(inbox.Messages.First).ToContainTextAsync("charged twice");
        await Expect(page.GetByTestId("reply-option").And(page.Locator(".suggested"))).ToContainTextAsync("Free-form reply");
        await inbox.ScreenshotAsync("inbox-agent");
    }

    [Fact]
    public async Task Agent_OpensConversationPastItsWindow_SeesOnlyWhatThePlatformAllows()
    {
        var page = await fixture.NewPageAsync();
        var inbox = await new LoginPage(page).SignInAsync("agent@inbox.demo");

        // Emma wrote on WhatsApp 26 h ago: the 24 h window is closed, only templates remain. Her row is far down the
        // list (it is sorted by the soonest closing window), so the agent scrolls to it.
        await inbox.RevealRowAsync("Emma Johansson");
        await Expect(inbox.CountdownOf("Emma Johansson")).ToContainTextAsync("Templates only");
        await inbox.OpenConversationAsync("Emma Johansson");
        var options = page.GetByTestId("reply-option");
        await Expect(options.Filter(new() { HasText = "Template" })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("suggested"));
        await Expect(options.Filter(new() { HasText = "Free-form" })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("refused"));
        await inbox.ScreenshotAsync("inbox-whatsapp-template-only");
    }

    [Fact]
    public async Task Anonymous_OpensInbox_IsSentToSignIn()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
