using Inbox.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inbox.Core.Reporting;

/// <summary>Registration of the reporting feature.</summary>
public static class ReportingExtensions
{
    /// <summary>Facts kept up to date from domain events, the reports that read them, and the start-up backfill.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // The scheduling feature replaces this with its business-hours calendar.
        services.TryAddSingleton<IReportingCalendar, NoReportingCalendar>();
        services.TryAddSingleton<Channels.Inbound.IngestWriteGate>();
        services.AddSingleton<ResponseFactsUpdater>();
        services.AddSingleton<ReportingBackfill>();
        services.AddSingleton<IDomainEventBatchHandler<MessageReceived>, RefreshFactsOnMessageReceived>();
        services.AddSingleton<IDomainEventHandler<MessageStatusChanged>, RefreshFactsOnMessageSent>();
        services.AddSingleton<IDomainEventBatchHandler<ConversationUpdated>, RefreshFactsOnConversationUpdated>();
        services.AddSingleton<BadgeReport>();
        services.AddSingleton<ResponseReports>();
        services.AddSingleton<CostReport>();
        services.AddSingleton<CsatReport>();
        services.TryAddSingleton<CsatRecorder>();
        services.AddSingleton<AgentReport>();
        services.AddSingleton<NowReport>();
        services.AddHostedService<ReportingStartup>();
        return services;
    }
}
