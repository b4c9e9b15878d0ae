using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Core.Contacts;

/// <summary>A conversation of the customer, on any of their identities.</summary>
public sealed record ContactConversation(int Id, string ChannelName, ChannelKind ChannelKind, ConversationKind Kind, ConversationStatus Status, DateTime? LastMessageAt, string? LastMessagePreview);
