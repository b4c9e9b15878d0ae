namespace Inbox.E2E.Infrastructure;

/// <summary>The app with the window-closing reminder due 4 s after the customer's message instead of 23 h.</summary>
public sealed class AutomationsFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Inbox__Automations__ReminderAfter"] = "00:00:04",
    };
}
