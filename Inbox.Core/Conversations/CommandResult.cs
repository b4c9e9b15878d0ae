using Inbox.Core.Localization;

namespace Inbox.Core.Conversations;

/// <summary>The outcome of a command, with the reason when it did not happen and the message when one was queued.</summary>
/// <param name="Problem">Why it did not happen, worded at the edge in the reader's language.</param>
public sealed record CommandResult(CommandStatus Status, Phrase? Problem = null, Message? Message = null)
{
    /// <summary><see cref="Problem"/> in English, for logs and stored records.</summary>
    public string? Error => Problem?.ToString();

    public static CommandResult Done(Message? message = null) => new(CommandStatus.Done, null, message);

    public static CommandResult NotFound(Phrase what) => new(CommandStatus.NotFound, what);

    public static CommandResult Invalid(Phrase why) => new(CommandStatus.Invalid, why);

    public static CommandResult NotAllowed(Phrase why) => new(CommandStatus.NotAllowed, why);
}
