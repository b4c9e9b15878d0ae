namespace Inbox.Core.Policy;

/// <summary>The platforms' published window lengths (docs/platform-rules.md §1).</summary>
public static class PlatformWindows
{
    /// <summary>Meta: free-form replies for 24 h after the customer's last message.</summary>
    public static readonly TimeSpan Standard = TimeSpan.FromHours(24);

    /// <summary>Meta: conversations started from a Click-to-Messenger/Direct ad get a 7-day standard window.</summary>
    public static readonly TimeSpan StandardFromAd = TimeSpan.FromDays(7);

    /// <summary>Meta: HUMAN_AGENT-tagged replies until 7 days after the customer's last message.</summary>
    public static readonly TimeSpan HumanAgent = TimeSpan.FromDays(7);

    /// <summary>Meta: one private reply to a comment within 7 days of it.</summary>
    public static readonly TimeSpan PrivateReply = TimeSpan.FromDays(7);

    /// <summary>
    /// LINE does not publish the reply token's lifetime ("well under a minute"); past this age we plan
    /// for a push, which is the safe assumption because a push never fails for an expired token.
    /// </summary>
    public static readonly TimeSpan LineReplyToken = TimeSpan.FromSeconds(30);
}
