namespace Inbox.Core.Conversations;

/// <summary>Who wrote a message. Only <see cref="Customer"/> messages open or extend a window.</summary>
public enum MessageAuthor
{
    Customer,

    /// <summary>A human agent, in this inbox.</summary>
    Agent,

    /// <summary>An automation (away message, reminder, survey). Never allowed a HUMAN_AGENT tag.</summary>
    Automation,

    /// <summary>The business's own message, sent from another tool and echoed back by the platform.</summary>
    Echo,

    /// <summary>Meta's Business AI agent on WhatsApp, recorded from the <c>standby</c> field; never sent by this inbox.</summary>
    MetaAgent,
}
