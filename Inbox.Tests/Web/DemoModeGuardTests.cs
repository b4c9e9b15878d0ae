using Inbox.Core.Demo;

namespace Inbox.Tests.Web;

public sealed class DemoModeGuardTests
{
    [Theory]
    [InlineData(false, "Production", 2, true, true)]
    [InlineData(true, "Development", 0, false, true)]
    [InlineData(true, "Staging", 0, false, true)]
    [InlineData(true, "Production", 0, false, false)]
    [InlineData(true, "production", 0, false, false)]
    [InlineData(true, "Development", 1, false, false)]
    [InlineData(true, "Development", 0, true, false)]
    public void Refusal_ByEnvironmentAndWhatIsBesideTheDemo_AllowsOnlyAnIsolatedNonProductionDemo(
        bool enabled, string environment, int channels, bool appSecret, bool allowed)
    {
        var refusal = DemoModeGuard.Refusal(enabled, environment, channels, appSecret);

        Assert.Equal(allowed, refusal is null);
    }
}
