using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Inbox.Testing;

/// <summary>
/// The real Inbox.Web executable, started as its own process on a free loopback port with a fresh SQLite
/// file, exactly as the README's run command starts it, but isolated: for the end-to-end tests and the benchmarks.
/// </summary>
public sealed partial class InboxProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private bool keepData;
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(Regex Pattern, TaskCompletionSource<string> Seen)> waiters = [];

    private InboxProcess(Process process, string dataFolder)
    {
        this.process = process;
        DataFolder = dataFolder;
    }

    public Uri BaseUrl { get; private set; } = default!;

    public string DataFolder { get; }

    public string DatabasePath => Path.Combine(DataFolder, "inbox.db");

    /// <summary>The app's operating-system process id, for diagnostics attached from outside.</summary>
    public int ProcessId => process.Id;

    /// <summary>The app's resident memory now, in bytes.</summary>
    public long ResidentBytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>CPU time the app process has used so far, all threads.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>Everything the app printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <param name="settings">Configuration as environment variables (<c>Section__Key</c>), over the shipped settings.</param>
    /// <param name="dataFolder">An existing data folder to start on (a restart); a fresh one when null.</param>
    /// <param name="build">Which Inbox.Web build to start.</param>
    /// <param name="webProject">The Inbox.Web folder of another checkout to start the build of (a reference build for a benchmark); this repository's when null.</param>
    public static async Task<InboxProcess> StartAsync(IDictionary<string, string>? settings = null, string? dataFolder = null, WebBuild build = WebBuild.SameAsCaller, string? webProject = null)
    {
        var app = Launch(settings, dataFolder, build, webProject);
        var listening = app.listening;
        app.process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"Inbox.Web exited with code {app.process.ExitCode}:\n{app.Output}"));
        app.process.EnableRaisingEvents = true;
        if (app.process.HasExited)
        {
            listening.TrySetException(new InvalidOperationException($"Inbox.Web exited with code {app.process.ExitCode}:\n{app.Output}"));
        }

        try
        {
            app.BaseUrl = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
            return app;
        }
        catch (TimeoutException)
        {
            // Nobody else holds this process yet: stopped here, or it would outlive the test run.
            await app.DisposeAsync();
            throw new TimeoutException($"Inbox.Web did not listen within 90 s:\n{app.Output}");
        }
    }

    /// <summary>Starts the app and waits for it to stop by itself, for start-ups that must refuse: its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IDictionary<string, string>? settings = null)
    {
        await using var app = Launch(settings, dataFolder: null, WebBuild.SameAsCaller, webProject: null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        // Waits for the output streams to close too, so the output is complete.
        await app.process.WaitForExitAsync(timeout.Token);
        return (app.process.ExitCode, app.Output);
    }

    private static InboxProcess Launch(IDictionary<string, string>? settings, string? dataFolder, WebBuild build, string? webProject)
    {
        dataFolder ??= Directory.CreateTempSubdirectory("inbox-app-").FullName;
        webProject ??= Path.Combine(RepositoryRoot(), "Inbox.Web");
        var start = new ProcessStartInfo(WebExecutable(build, webProject))
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Inbox"] = $"Data Source={Path.Combine(dataFolder, "inbox.db")}";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var app = new InboxProcess(Process.Start(start)!, dataFolder);
        app.process.OutputDataReceived += (_, e) => app.Capture(e.Data);
        app.process.ErrorDataReceived += (_, e) => app.Capture(e.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        return app;
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
            foreach (var waiter in waiters.Where(w => w.Pattern.IsMatch(line)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Seen.TrySetResult(line);
            }
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    /// <summary>
    /// Runs a statement on the app's database, for states no screen produces (a token the platform refused,
    /// a fetched quota). The app reads through short-lived contexts, so the next page load sees it.
    /// </summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The next line the app prints that matches <paramref name="pattern"/> (lines printed before the call do not count).</summary>
    public Task<string> NextLineAsync(Regex pattern)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (output)
        {
            waiters.Add((pattern, seen));
        }

        return seen.Task;
    }

    /// <summary>SIGKILL, as a crash or an OOM killer would: no shutdown hooks run. The data folder is kept for a restart.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        keepData = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (keepData)
        {
            return;
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process is left to the OS temp cleaner.
        }
    }

    /// <summary>The repository root: the folder holding Inbox.sln above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Inbox.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Inbox.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// The Inbox.Web build in the caller's configuration (a Debug test run starts the Debug app), or for
    /// <see cref="WebBuild.ReleaseIfBuilt"/> the Release build when there is one.
    /// </summary>
    private static string WebExecutable(WebBuild build, string webProject)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configurations = build == WebBuild.ReleaseIfBuilt ? ["Release", "Debug"] : new[] { framework.Parent!.Name };
        foreach (var configuration in configurations)
        {
            var executable = Path.Combine(webProject, "bin", configuration, framework.Name, "Inbox.Web");
            if (File.Exists(executable))
            {
                return executable;
            }
        }

        throw new InvalidOperationException(
            $"Inbox.Web is not built: run `dotnet build -c {configurations[0]} Inbox.Web` first (looked in {webProject}/bin/{string.Join("|", configurations)}/{framework.Name}).");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
