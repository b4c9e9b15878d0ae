namespace Inbox.Testing;

/// <summary>Finds a Chromium to drive: an explicit path, Playwright's own download, or the system package.</summary>
public static class Browsers
{
    public const string PathVariable = "INBOX_CHROMIUM";

    /// <summary>The executable to launch, or null to let Playwright use its own installed browsers.</summary>
    public static string? ChromiumExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"{PathVariable} points at {configured}, which does not exist.");
        }

        var playwrightCache = Environment.GetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ms-playwright");
        if (Directory.Exists(playwrightCache) && Directory.EnumerateDirectories(playwrightCache, "chromium*").Any())
        {
            return null;
        }

        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No Chromium found. Install one (Debian: 'apt-get install -y chromium'), or set {PathVariable} to its executable.");
    }
}
