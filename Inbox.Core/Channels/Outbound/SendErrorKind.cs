namespace Inbox.Core.Channels.Outbound;

/// <summary>What the sender does about a platform error.</summary>
public enum SendErrorKind
{
    /// <summary>Try again with back-off; after the last attempt the message fails with <see cref="Conversations.SendFailure.RetriesExhausted"/>.</summary>
    Transient,

    /// <summary>The channel's token was refused: flag the channel and hold the message until an admin enters a new one.</summary>
    Auth,

    /// <summary>Not delivered, never retried.</summary>
    Final,
}
