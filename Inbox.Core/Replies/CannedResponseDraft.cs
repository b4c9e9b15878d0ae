namespace Inbox.Core.Replies;

/// <summary>The admin's canned response form.</summary>
public sealed class CannedResponseDraft
{
    public string Shortcut { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public static CannedResponseDraft Of(CannedResponse response) => new()
    {
        Shortcut = response.Shortcut,
        Title = response.Title,
        Body = response.Body,
    };
}
