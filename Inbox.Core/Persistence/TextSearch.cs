namespace Inbox.Core.Persistence;

/// <summary>
/// The LIKE pattern for "contains, ignoring case" that reads the same on both engines: compare <c>lower(column)</c>
/// with a pattern whose ASCII letters are lower-case, because SQLite's LIKE ignores ASCII case and PostgreSQL's does
/// not. Only ASCII is lowered, as SQLite's <c>lower()</c> does, so SQLite matches exactly what it matched before.
/// The escape (<see cref="Escape"/>) keeps % and _ in the search literal.
/// </summary>
public static class TextSearch
{
    public const string Escape = "\\";

    public static string ContainsPattern(string text) =>
        $"%{new string([.. text.Select(c => char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : c)]).Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
}
