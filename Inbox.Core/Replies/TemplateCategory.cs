namespace Inbox.Core.Replies;

/// <summary>WhatsApp's template categories; each is billed at its own rate per delivered template (docs/platform-rules.md §6).</summary>
public enum TemplateCategory
{
    Marketing,
    Utility,
    Authentication,
}
