using Npgsql;

namespace Inbox.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's <c>postgresql</c> package: <c>initdb</c> into a temporary folder,
/// <c>pg_ctl</c> on a free loopback port, as the <c>postgres</c> user (trust authentication, no password), stopped by
/// its process id and deleted on dispose. Each test takes a database of its own (<see cref="NewDatabase"/>).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string folder;
    private int pid;

    private PostgresServer(string folder, int port) => (this.folder, Port) = (folder, port);

    public int Port { get; }

    /// <summary>The server's process id (PostgreSQL: the postmaster, parent of every backend), for measuring its CPU.</summary>
    public int ProcessId => pid;

    /// <summary>Where the server binaries are: Debian's newest installed major version.</summary>
    public static string? BinFolder =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;

    /// <param name="durable">
    /// Flush commits to disk as a production server does (for benchmarks); tests run with <c>fsync=off</c>, which only
    /// a crash of the machine could tell apart.
    /// </param>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        var bin = BinFolder ?? throw new InvalidOperationException("PostgreSQL is not installed: apt-get install -y postgresql (test.sh does).");
        // Under /tmp, not the user's temp folder: every parent must be traversable by the postgres user.
        var folder = Path.Combine("/tmp", $"inbox-pg-{Guid.NewGuid():N}"[..20]);
        Directory.CreateDirectory(folder);
        await ServerProcesses.RunAsync("chown", ["postgres:postgres", folder]);
        var server = new PostgresServer(folder, ServerProcesses.FreePort());
        var data = Path.Combine(folder, "data");
        await ServerProcesses.RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"], "postgres");
        await ServerProcesses.RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300{(durable ? "" : " -c fsync=off")}", "-w", "start"],
            "postgres");
        server.pid = int.Parse(File.ReadLines(Path.Combine(data, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        return server;
    }

    /// <summary>A connection string to a database of this name, which the app creates on first start.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    /// <summary>A fresh database name; the app (or EF's migrator) creates it.</summary>
    public static string NewDatabase() => $"inbox_{Guid.NewGuid():N}"[..22];

    /// <summary>Drops a database a test is done with, closing what its pools still hold.</summary>
    public async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (pid > 0 && BinFolder is { } bin)
        {
            try
            {
                await ServerProcesses.RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "stop"], "postgres");
            }
            catch (InvalidOperationException)
            {
                ServerProcesses.Kill(pid);
            }
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
