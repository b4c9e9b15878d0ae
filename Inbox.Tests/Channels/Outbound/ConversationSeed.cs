using Inbox.Core.Conversations;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>A conversation to store before a send test: <c>ConversationSeed.On("fb").LastInbound(TimeSpan.FromDays(2))</c>.</summary>
public sealed record ConversationSeed(string ChannelKey)
{
    public TimeSpan? LastInboundAgo { get; init; } = TimeSpan.FromHours(1);

    public ConversationKind Kind { get; init; } = ConversationKind.Direct;

    public string? CommentId { get; init; }

    public string? LineReplyToken { get; init; }

    /// <summary>Messenger/Instagram: the thread began from a click-to-message ad (its referral).</summary>
    public bool StartedFromAd { get; init; }

    public TimeSpan LineReplyTokenAge { get; init; }

    /// <summary>The contact's platform id (WhatsApp: a BSUID or a phone number); a fresh one when null.</summary>
    public string? ContactId { get; init; }

    /// <summary>WhatsApp: the phone number kept beside the contact's BSUID.</summary>
    public string? Phone { get; init; }

    public static ConversationSeed On(string channelKey) => new(channelKey);

    public ConversationSeed LastInbound(TimeSpan ago) => this with { LastInboundAgo = ago };

    /// <summary>A comment thread; the comment was written <see cref="LastInboundAgo"/>.</summary>
    public ConversationSeed OnComment(string commentId) => this with { Kind = ConversationKind.Comment, CommentId = commentId };

    /// <summary>A WhatsApp customer known by this BSUID and, when given, this phone number.</summary>
    public ConversationSeed WithContact(string contactId, string? phone = null) => this with { ContactId = contactId, Phone = phone };

    public ConversationSeed FromAd() => this with { StartedFromAd = true };

    public ConversationSeed WithReplyToken(string token, TimeSpan age) => this with { LineReplyToken = token, LineReplyTokenAge = age };
}
