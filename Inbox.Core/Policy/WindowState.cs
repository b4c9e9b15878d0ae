namespace Inbox.Core.Policy;

/// <summary>Where a conversation stands against its platform's messaging windows.</summary>
public enum WindowState
{
    /// <summary>Inside the standard window: free-form replies allowed (comment threads: the private reply is still available).</summary>
    Open,

    /// <summary>Messenger/Instagram after the standard window: only a HUMAN_AGENT-tagged reply.</summary>
    HumanAgent,

    /// <summary>WhatsApp outside the 24 h window: templates only.</summary>
    TemplateOnly,

    /// <summary>Nothing can be sent until the customer writes again.</summary>
    Closed,

    /// <summary>No time limit applies (LINE; a Facebook or Instagram comment's public reply).</summary>
    Unlimited,
}
