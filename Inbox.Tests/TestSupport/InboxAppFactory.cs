using Inbox.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inbox.Tests.TestSupport;

/// <summary>
/// The real app, hosted in memory, on its own fresh SQLite file, in the Development environment with demo mode on
/// unless the settings say otherwise (<c>["environment"] = "Production"</c>). Settings are applied before start-up.
/// </summary>
public class InboxAppFactory : WebApplicationFactory<Program>
{
    public const string AgentKey = "test-agent-key-0123456789";
    public const string AdminKey = "test-admin-key-0123456789";
    public const string SupervisorKey = "test-supervisor-key-0123456789";

    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;
    private readonly bool migrated;

    public InboxAppFactory()
        : this(null)
    {
    }

    private InboxAppFactory(Dictionary<string, string?>? settings, Action<IServiceCollection>? services = null, bool migrated = true)
    {
        this.services = services;
        this.migrated = migrated;
        Folder = Directory.CreateTempSubdirectory("inbox-app-").FullName;
        this.settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Inbox"] = $"Data Source={Path.Combine(Folder, "inbox.db")}",
            ["Inbox:Demo:Enabled"] = "true",
            ["Inbox:ApiKeys:0:Name"] = "agent-tool",
            ["Inbox:ApiKeys:0:Key"] = AgentKey,
            ["Inbox:ApiKeys:0:Role"] = "Agent",
            ["Inbox:ApiKeys:1:Name"] = "admin-tool",
            ["Inbox:ApiKeys:1:Key"] = AdminKey,
            ["Inbox:ApiKeys:1:Role"] = "Admin",
            ["Inbox:ApiKeys:2:Name"] = "supervisor-tool",
            ["Inbox:ApiKeys:2:Key"] = SupervisorKey,
            ["Inbox:ApiKeys:2:Role"] = "Supervisor",
        };
        foreach (var (key, value) in settings ?? [])
        {
            this.settings[key] = value;
        }
    }

    public string Folder { get; }

    /// <summary>
    /// An app with these settings on top of the test defaults. Its SQLite file starts as a copy of an empty, migrated
    /// database (<see cref="MigratedDatabase"/>) unless <paramref name="migrated"/> is false or a file is already there.
    /// </summary>
    public static InboxAppFactory With(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null, bool migrated = true) =>
        new(settings, services, migrated);

    public InboxDbContext OpenDb() => Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext();

    public HttpClient ApiClient(string key = AgentKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var file = Path.Combine(Folder, "inbox.db");
        if (migrated && settings["ConnectionStrings:Inbox"] == $"Data Source={file}" && settings.GetValueOrDefault("Inbox:Database:Provider") is null or "Sqlite")
        {
            MigratedDatabase.CopyTo(file);
        }

        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner.
            }
        }
    }
}
