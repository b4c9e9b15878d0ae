using Inbox.Core.Localization;

namespace Inbox.Core.Replies;

/// <summary>The outcome of an admin change to templates or canned responses: the new id, or why it was refused and which field is at fault.</summary>
/// <param name="Problem">Why it was refused, worded at the edge in the reader's language.</param>
public sealed record AdminResult(bool Succeeded, Phrase? Problem = null, string? Field = null, int? Id = null)
{
    /// <summary><see cref="Problem"/> in English, for logs and tests.</summary>
    public string? Error => Problem?.ToString();

    public static AdminResult Done(int id) => new(true, Id: id);

    public static AdminResult Invalid(Phrase why, string? field = null) => new(false, why, field);

    public static AdminResult NotFound(Phrase why) => new(false, why);
}
