namespace Inbox.Core.Audit;

/// <summary>
/// Collects an audit entry's before/after summary, <c>what: before → after</c>, one part per changed field.
/// Callers pass settings and names only: secrets are never given to it (they are named as replaced instead).
/// </summary>
public sealed class AuditChanges
{
    /// <summary>Longer values are cut: the summary says what changed, it is not a copy of the text.</summary>
    private const int ValueLength = 80;

    private readonly List<string> parts = [];

    public bool Any => parts.Count > 0;

    /// <summary>Adds <c>what: before → after</c> when the two differ.</summary>
    public AuditChanges Compare<T>(string what, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            parts.Add($"{what}: {Show(before)} → {Show(after)}");
        }

        return this;
    }

    /// <summary>Adds a part in words, e.g. <c>added Kim Lee</c>.</summary>
    public AuditChanges Note(string text)
    {
        parts.Add(text);
        return this;
    }

    public override string ToString() => string.Join("; ", parts);

    private static string Show<T>(T value) => value switch
    {
        null => "none",
        string { Length: 0 } => "empty",
        string text => OneLine(text),
        bool on => on ? "on" : "off",
        _ => value.ToString() ?? "none",
    };

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" / ");
        return line.Length > ValueLength ? line[..ValueLength] + "…" : line;
    }
}
