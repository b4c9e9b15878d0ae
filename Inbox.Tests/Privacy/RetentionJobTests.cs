using Hangfire;
using Hangfire.Storage;
using Inbox.Core.Scheduling.Hangfire;
using Inbox.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Tests.Privacy;

/// <summary>The app registers the retention run as a daily Hangfire job, and refuses to start with a retention it cannot apply.</summary>
public sealed class RetentionJobTests
{
    [Fact]
    public void AppStart_RegistersTheDailyRetentionJob()
    {
        using var app = new InboxAppFactory();

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DataRetentionJob.Id);
        Assert.Equal("30 3 * * *", job.Cron);
    }

    [Fact]
    public void AppStart_NegativeRetention_RefusedWithTheKeyToFix()
    {
        using var app = InboxAppFactory.With(new() { ["Inbox:Retention:WebhookBodies"] = "-1.00:00:00" });

        var refusal = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains("Inbox:Retention:WebhookBodies", refusal.Message);
    }
}
