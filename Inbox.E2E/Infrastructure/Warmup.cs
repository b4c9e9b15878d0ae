using Microsoft.Playwright;

namespace Inbox.E2E.Infrastructure;

/// <summary>
/// Opens a freshly started app's main pages once, before any test times them. A new process compiles every component,
/// query and library path the first time it is used: on a loaded 2-core machine (several apps, Chromiums and a
/// PostgreSQL cluster at once, as in <c>./test.sh</c>) the first inbox page took over 20 s to render, beyond the 15 s
/// every test action allows. The tests are about what an agent sees on a running app, not about that first start.
/// </summary>
public static class Warmup
{
    /// <summary>Generous on purpose: this is the cold start, which no test measures.</summary>
    private const float ColdStart = 180_000;

    /// <summary>Signs in as <paramref name="email"/>, opens the inbox and its first conversation, then each of <paramref name="pages"/>.</summary>
    public static async Task OpenPagesAsync(IBrowser browser, Uri baseUrl, string email, string password, params string[] pages)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(ColdStart);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/login");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("inbox")).ToHaveAttributeAsync("data-live", "yes", new() { Timeout = ColdStart });
            var rows = page.GetByTestId("conversation-row");
            if (await rows.CountAsync() > 0)
            {
                await rows.First.ClickAsync();
                await Assertions.Expect(page.GetByTestId("conversation-contact")).ToBeVisibleAsync(new() { Timeout = ColdStart });
            }

            foreach (var path in pages)
            {
                await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            }
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
