namespace Inbox.Core.Persistence;

/// <summary>One versioned schema change, applied once and in order.</summary>
public sealed record SchemaScript(int Version, string Name, string Sql);
