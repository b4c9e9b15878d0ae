namespace Inbox.E2E.Infrastructure;

/// <summary>How long a browser action or assertion waits for the page before it fails.</summary>
public static class BrowserWaits
{
    /// <summary>
    /// 30 s, where Playwright's defaults are 5 s (assertions) and 30 s (actions). The suite runs two collections at once
    /// on a 2-core CI machine, each with its own app process and Chromium, beside tests that load an app with webhooks
    /// as fast as it answers. There a cold page or a webhook's processing has taken over 15 s (once in about five clean
    /// runs), which said nothing about the product; a passing wait returns as soon as the page is right, so the limit
    /// costs nothing when things are well.
    /// </summary>
    public const int Default = 30_000;
}
