namespace Inbox.Core.Conversations;

/// <summary>How a command on a conversation ended.</summary>
public enum CommandStatus
{
    Done,
    NotFound,

    /// <summary>The request itself is malformed (empty text, missing template fields…).</summary>
    Invalid,

    /// <summary>Well-formed, but the platform does not allow it now; nothing was stored.</summary>
    NotAllowed,
}
