using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;
using Inbox.Core.Channels.WhatsApp;
using Inbox.Core.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Core.Channels.Outbound;

/// <summary>Registration of the outbound feature.</summary>
public static class OutboundExtensions
{
    /// <summary>Outbound sending: the platform senders, the dispatcher and its background worker, and the LINE quota cache.</summary>
    public static IServiceCollection AddOutbound(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboundOptions>().Bind(configuration.GetSection(OutboundOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Timeouts are per attempt, in the resilience pipeline; the client itself never gives up first.
        services.AddHttpClient(PlatformClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<PlatformClient>();
        services.AddSingleton<IPlatformSender, MetaSender>();
        services.AddSingleton<IPlatformSender, WhatsAppSender>();
        services.AddSingleton<IPlatformSender, LineSender>();
        services.AddSingleton<LineQuotaService>();
        services.AddSingleton<InstagramTokenRefresher>();
        services.AddSingleton<ReadAndTypingSignals>();
        services.AddSingleton<OutboundDispatcher>();
        services.AddSingleton<OutboundSignal>();
        services.AddSingleton<IDomainEventHandler<Events.MessageQueued>, WakeSenderOnMessageQueued>();
        services.AddSingleton<IDomainEventHandler<Events.ChannelReauthorised>, WakeSenderOnChannelReauthorised>();
        services.AddHostedService<OutboundWorker>();
        return services;
    }
}
