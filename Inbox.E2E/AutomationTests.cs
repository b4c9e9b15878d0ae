using Inbox.E2E.Infrastructure;
using Inbox.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E;

[Collection(AutomationsCollection.Name)]
public sealed class AutomationTests(AutomationsFixture fixture) : BrowserTest
{
    protected override AppFixture Fixture => fixture;

    [Fact]
    public async Task Customer_WritesWhileClosed_AwayMessageInTheTimelineAndTheReminderReachesTheAgent()
    {
        var admin = await fixture.NewPageAsync();
        await new LoginPage(admin).SignInAsync("admin@inbox.demo");
        var hours = new BusinessHoursPage(admin);
        await hours.OpenAsync();
        await hours.CloseAllWeekAsync("Hi {name}, thanks for writing! We're closed right now and will answer {next_opening}.");
        await Expect(hours.Status).ToContainTextAsync("Closed now");
        await hours.ScreenshotAsync("business-hours");

        var desk = await fixture.NewPageAsync();
        var inbox = await new LoginPage(desk).SignInAsync("agent@inbox.demo");
        await inbox.WaitForLiveAsync();

        var phone = await fixture.NewPageAsync();
        var simulator = new SimulatorPage(phone);
        await simulator.OpenAsync();
        await simulator.ChooseChannelAsync("Northwind Outfitters");
        await simulator.WriteAsNewCustomerAsync("Mia Park", "Is the blue parka back in stock?");

        // The away message goes through the normal send path and reaches the customer's phone.
        await Expect(simulator.Messages.Last).ToContainTextAsync("Hi Mia Park, thanks for writing! We're closed right now");

        await inbox.OpenConversationAsync("Mia Park");
        await Expect(inbox.Messages.Last).ToContainTextAsync("We're closed right now and will answer when we reopen.");

        // The reminder comes due 4 s after the customer's message (the fixture's setting): live, for the team, as nobody has it.
        var reminder = desk.GetByTestId("reminder").Filter(new() { HasText = "Mia Park" });
        await fixture.WithAppLogAsync(() => Expect(reminder).ToBeVisibleAsync());
        await Expect(reminder).ToContainTextAsync("reply window closes");
        await inbox.ScreenshotAsync("away-message-and-reminder");

        // The admin sees it on the Jobs page: done, with its outcome.
        await admin.GotoAsync("/admin/jobs");
        await Expect(admin.Locator("[data-testid='job'][data-kind='WindowReminder']").Filter(new() { HasText = "Mia Park" })).ToContainTextAsync("Reminder to the team");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotFolder, "jobs.png"), FullPage = true });
    }
}
