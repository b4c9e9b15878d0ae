namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// The short list of webhook events the inbox deliberately does not record. Anything else that records nothing is an
/// <see cref="InboundUnattributed"/> and parks its delivery. Keep this list and the README's in step.
/// </summary>
public enum IgnoredEvent
{
    /// <summary>An emoji reaction to a message (WhatsApp <c>reaction</c>, Messenger/Instagram <c>reaction</c>).</summary>
    Reaction,

    /// <summary>A message the customer deleted (Messenger/Instagram <c>is_deleted</c>).</summary>
    Deleted,

    /// <summary>Events that are not a customer writing: LINE follow, unfollow, join, leave, postback, unsend…; Messenger/Instagram opt-ins, referrals, handover and policy notices.</summary>
    NotAMessage,

    /// <summary>LINE messages in group chats and rooms: the inbox handles one-to-one chats.</summary>
    GroupChat,

    /// <summary>The Page's or account's own posts and comments, and feed activity other than new comments (likes, edits).</summary>
    OwnOrFeedActivity,

    /// <summary>Meta changes for fields the inbox does not use (mentions, story insights, account and template updates).</summary>
    OtherField,

    /// <summary>
    /// WhatsApp statuses other than sent, delivered, read and failed. No longer produced: such values are kept raw on the
    /// message (<c>Message.PlatformStatus</c>) and move nothing; the name stays for events already logged under it.
    /// </summary>
    OtherStatus,

    /// <summary>A WhatsApp identity change for a customer who never wrote to this inbox: there is no one to move.</summary>
    UnknownCustomerIdentityChange,
}
