using Inbox.Core.Channels.Outbound;
using Inbox.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Tests.Channels.Outbound;

public sealed class OutboundOptionsTests
{
    [Fact]
    public void Start_NoSendingSection_UsesDocumentedDefaults()
    {
        using var app = new InboxAppFactory();

        var options = app.Services.GetRequiredService<IOptions<OutboundOptions>>().Value;

        Assert.Equal(4, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.FirstRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), options.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(15), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromMinutes(10), options.LineQuotaMaxAge);
    }

    [Fact]
    public void Start_ZeroMaxAttempts_FailsNamingTheSetting()
    {
        using var app = InboxAppFactory.With(new() { ["Inbox:Sending:MaxAttempts"] = "0" });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("MaxAttempts", error.ToString());
    }
}
