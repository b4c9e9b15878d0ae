namespace Inbox.Core.Conversations;

/// <summary>A private message thread, or a thread that started from a public comment.</summary>
public enum ConversationKind
{
    Direct,
    Comment,
}
