namespace Inbox.Core.Events;

/// <summary>A message's attachment was stored, or given up on: open timelines show the picture or the reason.</summary>
public sealed record AttachmentChanged(int ConversationId, long MessageId, long AttachmentId, Media.AttachmentStatus Status);
