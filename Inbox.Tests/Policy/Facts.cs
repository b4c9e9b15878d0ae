using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;

namespace Inbox.Tests.Policy;

/// <summary>Conversation facts at a given age, measured back from a fixed <see cref="Now"/> in seconds.</summary>
internal static class Facts
{
    public const int Second = 1;
    public const int Hour = 3600;
    public const int Day = 24 * Hour;

    public static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    public static ConversationFacts Direct(ChannelKind channel, int secondsAgo, bool approved = true, bool fromAd = false) =>
        new(channel, ConversationKind.Direct, Ago(secondsAgo), HumanAgentApproved: approved, StartedFromAd: fromAd);

    public static ConversationFacts Messenger(int secondsAgo, bool approved = true, bool fromAd = false) =>
        Direct(ChannelKind.Messenger, secondsAgo, approved, fromAd);

    public static ConversationFacts Instagram(int secondsAgo, bool approved = true, bool fromAd = false) =>
        Direct(ChannelKind.Instagram, secondsAgo, approved, fromAd);

    public static ConversationFacts WhatsApp(int secondsAgo) => Direct(ChannelKind.WhatsApp, secondsAgo, approved: false);

    public static ConversationFacts NeverWrote(ChannelKind channel) =>
        new(channel, ConversationKind.Direct, LastInboundAt: null, HumanAgentApproved: true);

    /// <summary>A LINE thread whose customer wrote <paramref name="tokenAge"/> seconds ago (null: no unused reply token held).</summary>
    public static ConversationFacts Line(int? tokenAge, int? quota = null) => new(
        ChannelKind.Line,
        ConversationKind.Direct,
        Ago(tokenAge ?? 3 * Day),
        LineReplyTokenAt: tokenAge is { } age ? Ago(age) : null,
        LineQuotaRemaining: quota);

    /// <summary>A comment thread; <see cref="ChannelKind.Messenger"/> stands for a Facebook comment.</summary>
    public static ConversationFacts Comment(ChannelKind channel, int secondsAgo, bool privateReplyUsed = false) => new(
        channel,
        ConversationKind.Comment,
        Ago(secondsAgo),
        CommentAt: Ago(secondsAgo),
        PrivateReplyUsed: privateReplyUsed);

    private static DateTime Ago(int seconds) => Now.AddSeconds(-seconds);
}
