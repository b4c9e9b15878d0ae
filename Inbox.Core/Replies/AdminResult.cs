namespace Inbox.Core.Replies;

/// <summary>The outcome of an admin change to templates or canned responses: the new id, or why it was refused and which field is at fault.</summary>
public sealed record AdminResult(bool Succeeded, string? Error = null, string? Field = null, int? Id = null)
{
    public static AdminResult Done(int id) => new(true, Id: id);

    public static AdminResult Invalid(string why, string? field = null) => new(false, why, field);

    public static AdminResult NotFound(string what) => new(false, $"{what} does not exist.");
}
