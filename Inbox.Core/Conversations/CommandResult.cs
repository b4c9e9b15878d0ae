namespace Inbox.Core.Conversations;

/// <summary>The outcome of a command, with the reason when it did not happen and the message when one was queued.</summary>
public sealed record CommandResult(CommandStatus Status, string? Error = null, Message? Message = null)
{
    public static CommandResult Done(Message? message = null) => new(CommandStatus.Done, null, message);

    public static CommandResult NotFound(string what) => new(CommandStatus.NotFound, what);

    public static CommandResult Invalid(string why) => new(CommandStatus.Invalid, why);

    public static CommandResult NotAllowed(string why) => new(CommandStatus.NotAllowed, why);
}
