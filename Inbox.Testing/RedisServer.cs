namespace Inbox.Testing;

/// <summary>
/// A throwaway <c>redis-server</c> (Debian's package) on a free loopback port, without persistence, started and
/// stopped by its process id. It can be stopped and started again on the same port, as an outage would.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("inbox-redis-").FullName;
    private int pid;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The server's process id (PostgreSQL: the postmaster, parent of every backend), for measuring its CPU.</summary>
    public int ProcessId => pid;

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(ServerProcesses.FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port.</summary>
    public async Task StartAgainAsync()
    {
        var pidFile = Path.Combine(folder, "redis.pid");
        File.Delete(pidFile);
        await ServerProcesses.RunAsync("redis-server",
        [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--daemonize", "yes", "--pidfile", pidFile, "--dir", folder, "--logfile", Path.Combine(folder, "redis.log"),
        ]);

        // Daemonized: the pid file appears once the server is up.
        while (!File.Exists(pidFile) || new FileInfo(pidFile).Length == 0)
        {
            await Task.Yield();
        }

        pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Stops the server by its process id, as an outage would.</summary>
    public void Stop()
    {
        if (pid > 0)
        {
            ServerProcesses.Kill(pid);
            pid = 0;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }

        return ValueTask.CompletedTask;
    }
}
