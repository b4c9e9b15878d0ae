namespace Inbox.E2E.Infrastructure;

/// <summary>
/// Automation tests close the business hours and make reminders come due seconds after a customer's message:
/// they get an app of their own, so the other tests never see away messages or reminders.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AutomationsCollection : ICollectionFixture<AutomationsFixture>
{
    public const string Name = "Automations app";
}
