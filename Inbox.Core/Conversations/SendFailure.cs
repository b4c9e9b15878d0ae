namespace Inbox.Core.Conversations;

/// <summary>Why an outbound message was not delivered, in the terms the agent acts on (docs/platform-rules.md §3).</summary>
public enum SendFailure
{
    /// <summary>The platform's window had closed (Graph 10/2018278, 10/2534022; WhatsApp 131047), or the policy refused it at send time. Never retried.</summary>
    WindowClosed,

    /// <summary>HUMAN_AGENT used without Meta's approval (Graph 100/2018276).</summary>
    HumanAgentNotApproved,

    /// <summary>The person cannot receive messages now (Graph 551).</summary>
    RecipientUnavailable,

    /// <summary>The template was refused (WhatsApp 132000, 132012).</summary>
    TemplateRejected,

    /// <summary>LINE's monthly push allowance is used up (HTTP 429).</summary>
    QuotaExhausted,

    /// <summary>Transient errors outlasted every retry (Graph 2, HTTP 5xx, timeouts, WhatsApp 130429).</summary>
    RetriesExhausted,

    /// <summary>The send was in flight when the app stopped, and the platform cannot tell us whether it arrived.</summary>
    Interrupted,

    /// <summary>Any other refusal; the platform's message says why.</summary>
    Rejected,

    /// <summary>Meta has temporarily restricted the Page from sending (Graph 10/1893063): not a window error, never retried; admins are alerted.</summary>
    PageRestricted,
}
