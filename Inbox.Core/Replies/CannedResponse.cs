namespace Inbox.Core.Replies;

/// <summary>A saved answer to a common question; agents insert it by typing <c>/</c> and its shortcut.</summary>
public class CannedResponse
{
    public int Id { get; set; }

    /// <summary>Unique, lower-case letters, digits and dashes, typed after <c>/</c> in the composer.</summary>
    public required string Shortcut { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }
}
