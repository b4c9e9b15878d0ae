using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inbox.Core.Channels.Inbound;

public static class InboundExtensions
{
    /// <summary>Webhook intake: verification and durable storage, then processing in the background.</summary>
    public static IServiceCollection AddInbound(this IServiceCollection services)
    {
        services.AddSingleton<WebhookSignal>();
        services.TryAddSingleton<IngestWriteGate>();
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<WebhookAddressBook>();
        services.AddSingleton<WebhookInbox>();
        services.AddSingleton<StatusRecorder>();
        services.AddSingleton<IdentityRecorder>();
        services.AddSingleton<InboundRecorder>();
        services.AddSingleton<IngestStages>();
        services.AddSingleton<WebhookProcessor>();
        services.AddSingleton<FailedDeliveries>();
        services.AddHostedService<WebhookWorker>();
        return services;
    }
}
