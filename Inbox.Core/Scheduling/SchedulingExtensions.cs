using Inbox.Core.Events;
using Inbox.Core.Scheduling.Quartz;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inbox.Core.Scheduling;

/// <summary>Registration of business hours and the automations, on Quartz with the ADO.NET job store on the inbox's SQLite file.</summary>
public static class SchedulingExtensions
{
    /// <summary>
    /// Business hours, away messages, reminders, CSAT and pending follow-ups, the Jobs page's service, and the Quartz host.
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

        // Tests of the rules replace the timer; the app wakes automations with Quartz.
        services.TryAddSingleton<QuartzHost>();
        services.TryAddSingleton<IAutomationTimer, QuartzAutomationTimer>();
        services.AddHostedService(sp => sp.GetRequiredService<QuartzHost>());
        return services;
    }
}
