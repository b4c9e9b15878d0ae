using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Inbox.Bench;

/// <summary>
/// The real Inbox.Web executable as its own process on a free loopback port and a fresh SQLite file: the start
/// logic of the end-to-end tests' RunningApp, trimmed to what a benchmark needs (no test project is referenced).
/// </summary>
public sealed partial class BenchApp : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private BenchApp(Process process, string dataFolder)
    {
        this.process = process;
        DataFolder = dataFolder;
    }

    public Uri BaseUrl { get; private set; } = default!;

    public string DataFolder { get; }

    /// <summary>CPU time the app process has used so far, all threads.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public string DatabasePath => Path.Combine(DataFolder, "inbox.db");

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

    public static async Task<BenchApp> StartAsync(IDictionary<string, string> settings)
    {
        var dataFolder = Directory.CreateTempSubdirectory("inbox-bench-ingest-").FullName;
        var root = RepositoryRoot();
        var start = new ProcessStartInfo(WebExecutable(root))
        {
            WorkingDirectory = Path.Combine(root, "Inbox.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Inbox"] = $"Data Source={Path.Combine(dataFolder, "inbox.db")}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var app = new BenchApp(Process.Start(start)!, dataFolder);
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

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Inbox.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Inbox.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The Release build of Inbox.Web when there is one, else the Debug build.</summary>
    private static string WebExecutable(string root)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var executable = Path.Combine(root, "Inbox.Web", "bin", configuration, framework, "Inbox.Web");
            if (File.Exists(executable))
            {
                return executable;
            }
        }

        throw new InvalidOperationException(
            $"Inbox.Web is not built: run `dotnet build -c Release Inbox.Web` first (looked in Inbox.Web/bin/Release|Debug/{framework}).");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
