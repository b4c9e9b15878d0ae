namespace Inbox.Core.Policy;

/// <summary>How a reply is sent. Declared from least to most restricted: the policy suggests the first allowed one.</summary>
public enum ReplyType
{
    /// <summary>Messenger/IG <c>messaging_type=RESPONSE</c>, WhatsApp <c>text</c>, LINE reply or push.</summary>
    FreeForm,

    /// <summary>Messenger/IG <c>MESSAGE_TAG</c> + <c>HUMAN_AGENT</c>, human-written, up to 7 days.</summary>
    HumanAgentTag,

    /// <summary>A pre-approved WhatsApp template.</summary>
    Template,

    /// <summary>The one DM Meta allows in answer to a comment, within 7 days.</summary>
    PrivateReply,

    /// <summary>A public answer under a Facebook or Instagram comment, at any time.</summary>
    PublicReply,
}
