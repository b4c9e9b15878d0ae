namespace Inbox.Bench;

/// <summary>
/// What one ingest run starts: the database engine (<c>Sqlite</c> or <c>Postgres</c>), how many Inbox.Web instances
/// share it (more than one: PostgreSQL and a Redis for their live updates), and which build (another checkout's
/// Inbox.Web folder, for a reference build; this one's when null).
/// </summary>
internal sealed record IngestSetup(string Provider, int Instances, string? WebProject = null)
{
    public bool Postgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    public string Label => $"{(Postgres ? "Postgres" : "SQLite")} x {Instances}{(WebProject is null ? "" : " (reference build)")}";
}
