using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Inbox.E2E.Infrastructure;

/// <summary>
/// The real Inbox.Web executable, started as its own process on a free loopback port with a fresh SQLite
/// file, exactly as the README's run command starts it, but isolated per fixture.
/// </summary>
public sealed partial class RunningApp : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private bool keepData;
    private readonly List<(Regex Pattern, TaskCompletionSource<string> Seen)> waiters = [];

    private RunningApp(Process process, string dataFolder)
    {
        this.process = process;
        DataFolder = dataFolder;
    }

    public Uri BaseUrl { get; private set; } = default!;

    public string DataFolder { get; }

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

    /// <param name="dataFolder">An existing data folder to start on (a restart); a fresh one when null.</param>
    public static async Task<RunningApp> StartAsync(IDictionary<string, string>? settings = null, string? dataFolder = null)
    {
        dataFolder ??= Directory.CreateTempSubdirectory("inbox-e2e-").FullName;
        var start = new ProcessStartInfo(WebExecutable())
        {
            WorkingDirectory = Path.Combine(RepositoryRoot(), "Inbox.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Inbox"] = $"Data Source={Path.Combine(dataFolder, "inbox.db")}";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var app = new RunningApp(Process.Start(start)!, dataFolder);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Capture(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (app.output)
            {
                app.output.AppendLine(line);
                foreach (var waiter in app.waiters.Where(w => w.Pattern.IsMatch(line)).ToList())
                {
                    app.waiters.Remove(waiter);
                    waiter.Seen.TrySetResult(line);
                }
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        app.process.OutputDataReceived += (_, e) => Capture(e.Data);
        app.process.ErrorDataReceived += (_, e) => Capture(e.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        app.process.EnableRaisingEvents = true;
        app.process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"Inbox.Web exited with code {app.process.ExitCode}:\n{app.Output}"));

        app.BaseUrl = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
        return app;
    }

    /// <summary>
    /// Runs a statement on the app's database, for states no screen produces (a token the platform refused,
    /// a fetched quota). The app reads through short-lived contexts, so the next page load sees it.
    /// </summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(DataFolder, "inbox.db")}");
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

    /// <summary>The Inbox.Web build next to this test build (same configuration, framework and runtime).</summary>
    private static string WebExecutable()
    {
        var root = RepositoryRoot();
        var relative = Path.GetRelativePath(Path.Combine(root, "Inbox.E2E"), AppContext.BaseDirectory);
        var executable = Path.Combine(root, "Inbox.Web", relative, "Inbox.Web");
        return File.Exists(executable) ? executable : throw new InvalidOperationException($"Build Inbox.Web first: {executable} is missing.");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
