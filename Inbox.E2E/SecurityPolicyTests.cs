using Inbox.E2E.Infrastructure;
using Inbox.E2E.PageObjects;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E;

/// <summary>
/// The pages that come from libraries rather than the app's own components, under the same Content-Security-Policy:
/// <see cref="BrowserTest"/> fails the test on any violation they report.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SecurityPolicyTests(AppFixture fixture) : BrowserTest
{
    protected override AppFixture Fixture => fixture;

    [Fact]
    public async Task ApiReference_RendersTheOperationsUnderThePolicy()
    {
        var page = await fixture.NewPageAsync();

        // The reference is one 4.9 MB script: parsing it on a busy 2-core machine takes longer than a page of the app.
        var response = await page.GotoAsync("/api/docs", new() { Timeout = 60_000 });

        Assert.Contains("frame-ancestors 'none'", await response!.HeaderValueAsync("content-security-policy"));
        await Expect(page.GetByText("/api/conversations").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task JobsDashboard_RendersForAnAdminUnderThePolicy()
    {
        var page = await fixture.NewPageAsync();
        await new LoginPage(page).SignInAsync("admin@inbox.demo");
        await Expect(page.GetByRole(AriaRole.Navigation).First).ToBeVisibleAsync();

        await page.GotoAsync("/admin/hangfire");

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Recurring Jobs" }).First).ToBeVisibleAsync();
    }
}
