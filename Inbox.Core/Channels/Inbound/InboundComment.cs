namespace Inbox.Core.Channels.Inbound;

/// <summary>A public comment on a Facebook post or Instagram media: it starts a comment conversation.</summary>
/// <param name="PostId">The post or media commented on.</param>
public sealed record InboundComment(string CommentId, string? PostId, string AuthorId, string AuthorName, DateTime At, string Text) : InboundItem(CommentId);
