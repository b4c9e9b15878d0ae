using Hangfire;
using Hangfire.AspNetCore;
using Inbox.Core.Events;
using Inbox.Core.Persistence;
using Inbox.Core.Scheduling.Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Scheduling;

/// <summary>Registration of business hours and the automations, on Hangfire with its storage beside (SQLite) or in (PostgreSQL) the inbox database.</summary>
public static class SchedulingExtensions
{
    /// <summary>
    /// Business hours, away messages, reminders, CSAT and pending follow-ups, the Jobs page's service, and the Hangfire server.
    /// Register after routing: the away message reads the team auto-assignment has just given a new conversation.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddOptions<AutomationOptions>().BindConfiguration(AutomationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BusinessHoursAdmin>();

        // Reports read business hours through this (registered before AddReporting's "unknown" default).
        services.AddSingleton<Reporting.IReportingCalendar, BusinessHoursReportingCalendar>();
        services.TryAddSingleton<Reporting.CsatRecorder>();
        services.TryAddSingleton<Channels.Inbound.IngestWriteGate>();
        services.AddSingleton<AutomationScheduler>();
        services.AddSingleton<AutomationRunner>();
        services.AddSingleton<AutomationJobs>();
        services.AddSingleton<WindowReminders>();
        services.AddSingleton<CsatSurveys>();
        services.AddSingleton<PendingFollowUps>();
        services.AddSingleton<IDomainEventBatchHandler<MessageReceived>, SendAwayMessageWhenClosed>();
        services.AddSingleton<IDomainEventBatchHandler<MessageReceived>, RescheduleOnCustomerMessage>();
        services.AddSingleton<IDomainEventHandler<MessageQueued>, CancelRemindersOnAgentReply>();
        services.AddSingleton<IDomainEventHandler<ConversationUpdated>, FollowUpOnStatusChange>();

        // Tests of the rules replace the timer; the app wakes automations with Hangfire.
        services.TryAddSingleton<HangfireAutomationTimer>();
        services.TryAddSingleton<IAutomationTimer>(sp => sp.GetRequiredService<HangfireAutomationTimer>());
        services.AddJobServer();
        services.AddHealthChecks().AddCheck<JobStorageHealthCheck>("jobs");
        return services;
    }

    /// <summary>
    /// Hangfire on its own SQLite file, or in the inbox's PostgreSQL database when that is the provider. The storage and the job activator are this app's own services rather than
    /// Hangfire's process-wide <c>JobStorage.Current</c>, so two apps in one process (tests) never share them.
    /// </summary>
    private static void AddJobServer(this IServiceCollection services)
    {
        services.TryAddSingleton<JobStorage>(sp =>
        {
            using var db = sp.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext();
            var settings = sp.GetRequiredService<IOptions<SchedulerOptions>>().Value;
            return db.Database.IsNpgsql()
                ? JobStoragePostgres.Open(db.Database.GetConnectionString()!, settings)
                : JobStorageFile.Open(db.Database.GetConnectionString()!, settings);
        });
        services.TryAddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, configuration) => configuration
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        // Before the server, so it stops after it: a firing still writing its outcome finishes first.
        services.AddHostedService<AutomationStartup>();
        services.AddHangfireServer((sp, server) =>
        {
            var settings = sp.GetRequiredService<IOptions<SchedulerOptions>>().Value;
            server.WorkerCount = settings.Workers;
            server.SchedulePollingInterval = settings.SchedulePollingInterval;
        });
    }
}
