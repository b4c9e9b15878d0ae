namespace Inbox.Core.Policy;

/// <summary>Who is asking to send. Meta allows the HUMAN_AGENT tag on human-written messages only.</summary>
public enum SenderKind
{
    Human,
    Automation,
}
