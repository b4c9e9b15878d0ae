using Microsoft.Playwright;

namespace Inbox.E2E.Infrastructure;

/// <summary>One running app with demo data and one Chromium, shared by the tests of a collection; each test gets its own browser context.</summary>
public class AppFixture : IAsyncLifetime
{
    /// <summary>An Agent-role API key the app is started with, for tests that drive the REST API beside the browser.</summary>
    public const string AgentApiKey = "e2e-agent-key-0123456789";

    /// <summary>Reports every CSP violation a page sees to the console, where the fixture collects it.</summary>
    private const string ReportViolations = """
        document.addEventListener('securitypolicyviolation', e =>
            console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    private readonly List<string> cspViolations = [];
    private IPlaywright? playwright;

    public InboxProcess App { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where screenshots go: under the test output.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            // Demo data, in an environment that is not Production (which refuses demo mode) nor Development (whose
            // relaxed cookie and error settings the browser tests must not rely on).
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["Inbox__Demo__Enabled"] = "true",
            ["Inbox__ApiKeys__0__Name"] = "e2e",
            ["Inbox__ApiKeys__0__Key"] = AgentApiKey,
            ["Inbox__ApiKeys__0__Role"] = "Agent",

            // Every test signs in from 127.0.0.1 within a minute or two.
            ["Inbox__Security__LoginAttemptsPerMinute"] = "1000",

            // The app's log (kept under app-logs/, and quoted by a failing test) tells when each step happened.
            ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging__LogLevel__Inbox.Core.Scheduling.AutomationScheduler"] = "Debug",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        // Assertions retry until this limit, as actions do (see BrowserWaits.Default).
        Assertions.SetDefaultExpectTimeout(BrowserWaits.Default);
        App = await InboxProcess.StartAsync(settings);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Browsers.ChromiumExecutable(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        });
        var (email, password) = WarmupUser;
        await Warmup.OpenPagesAsync(Browser, App.BaseUrl, email, password, WarmupPages);
    }

    /// <summary>Who opens the app's pages once before the tests (<see cref="Warmup"/>): the demo admin.</summary>
    protected virtual (string Email, string Password) WarmupUser => ("admin@inbox.demo", "Demo-pass-1");

    /// <summary>The pages opened once before the tests, after the inbox.</summary>
    protected virtual string[] WarmupPages => ["/supervisor", "/admin/channels", "/simulator"];

    /// <summary>Environment settings a derived fixture adds to the app's (e.g. short automation delays).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(BrowserWaits.Default);
        await context.AddInitScriptAsync(ReportViolations);
        context.Console += (_, message) =>
        {
            if (message.Text.StartsWith("CSP violation", StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (cspViolations)
                {
                    cspViolations.Add($"{message.Page?.Url}: {message.Text}");
                }
            }
        };
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs a step whose failure depends on the app's background work (webhook processing, jobs, profile lookups); when
    /// it fails, the failure also carries the app's latest log entries, timestamped, so a run on another machine says
    /// what the app was doing.
    /// </summary>
    public async Task WithAppLogAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n--- the app's latest log entries:\n{LatestLog(80)}", ex);
        }
    }

    /// <summary>The app's last <paramref name="count"/> log entries, without the job storage's housekeeping.</summary>
    private string LatestLog(int count)
    {
        var entries = new List<string>();
        foreach (var line in App.Output.Split('\n'))
        {
            if (line.StartsWith(' ') && entries.Count > 0)
            {
                entries[^1] += "\n" + line;
            }
            else
            {
                entries.Add(line);
            }
        }

        return string.Join("\n", entries.Where(e => !e.Contains("ExpirationManager", StringComparison.Ordinal)).TakeLast(count));
    }

    /// <summary>The CSP violations seen since the last call (tests of a collection run one at a time).</summary>
    public IReadOnlyList<string> ForgetCspViolations()
    {
        lock (cspViolations)
        {
            var seen = cspViolations.ToList();
            cspViolations.Clear();
            return seen;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (App is not null)
        {
            // What the app printed stays beside the screenshots, to read after a failed run.
            var logs = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "app-logs")).FullName;
            await File.WriteAllTextAsync(Path.Combine(logs, $"{GetType().Name}-{App.ProcessId}.log"), App.Output);
            await App.DisposeAsync();
        }
    }
}
