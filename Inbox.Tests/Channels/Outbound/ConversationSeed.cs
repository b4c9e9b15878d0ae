using Inbox.Core.Conversations;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>A conversation to store before a send test: <c>ConversationSeed.On("fb").LastInbound(TimeSpan.FromDays(2))</c>.</summary>
public sealed record ConversationSeed(string ChannelKey)
{
    public TimeSpan? LastInboundAgo { get; init; } = TimeSpan.FromHours(1);

    public ConversationKind Kind { get; init; } = ConversationKind.Direct;

    public string? CommentId { get; init; }

    public string? LineReplyToken { get; init; }

    public TimeSpan LineReplyTokenAge { get; init; }

    public static ConversationSeed On(string channelKey) => new(channelKey);

    public ConversationSeed LastInbound(TimeSpan ago) => this with { LastInboundAgo = ago };

    /// <summary>A comment thread; the comment was written <see cref="LastInboundAgo"/>.</summary>
    public ConversationSeed OnComment(string commentId) => this with { Kind = ConversationKind.Comment, CommentId = commentId };

    public ConversationSeed WithReplyToken(string token, TimeSpan age) => this with { LineReplyToken = token, LineReplyTokenAge = age };
}
