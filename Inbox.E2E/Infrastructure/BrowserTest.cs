namespace Inbox.E2E.Infrastructure;

/// <summary>
/// A browser test that fails when any page it opened broke the Content-Security-Policy: the app and its libraries
/// must run under the policy the app sends, not merely look right.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    /// <summary>The fixture whose browser the test drives.</summary>
    protected abstract AppFixture Fixture { get; }

    public Task InitializeAsync()
    {
        Fixture.ForgetCspViolations();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        var violations = Fixture.ForgetCspViolations();
        Assert.True(violations.Count == 0, "The page broke the Content-Security-Policy:\n" + string.Join("\n", violations));
        return Task.CompletedTask;
    }
}
