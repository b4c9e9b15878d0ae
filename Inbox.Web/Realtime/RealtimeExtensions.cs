using System.Text.Json;
using System.Text.Json.Serialization;
using Inbox.Core.Events;

namespace Inbox.Web.Realtime;

public static class RealtimeExtensions
{
    /// <summary>
    /// The live-update notifier, the domain event handlers that feed it, and the SignalR hub; with
    /// <c>ConnectionStrings:Redis</c>, the hub's Redis backplane and the relays between instances: live changes,
    /// agent presence, and channel edits (which empty the other instances' caches).
    /// </summary>
    public static IServiceCollection AddInboxRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InboxNotifier>();
        services.AddSingleton<ForwardChangesToNotifier>();
        services.AddSingleton<IDomainEventHandler<MessageReceived>>(sp => sp.GetRequiredService<ForwardChangesToNotifier>());
        services.AddSingleton<IDomainEventHandler<MessageQueued>>(sp => sp.GetRequiredService<ForwardChangesToNotifier>());
        services.AddSingleton<IDomainEventHandler<MessageStatusChanged>>(sp => sp.GetRequiredService<ForwardChangesToNotifier>());
        services.AddSingleton<IDomainEventHandler<ConversationUpdated>>(sp => sp.GetRequiredService<ForwardChangesToNotifier>());
        services.AddSingleton<IDomainEventHandler<WindowClosingSoon>>(sp => sp.GetRequiredService<ForwardChangesToNotifier>());
        services.AddSingleton<IDomainEventHandler<AttachmentChanged>>(sp => sp.GetRequiredService<ForwardChangesToNotifier>());
        services.AddSingleton<IDomainEventHandler<ContactProfileUpdated>>(sp => sp.GetRequiredService<ForwardChangesToNotifier>());
        services.AddHostedService<InboxHubBroadcaster>();
        services.AddSingleton<RedisLink>();
        services.AddHostedService<RedisChangeRelay>();
        services.AddHostedService<RedisPresenceRelay>();
        services.AddSingleton<RedisChannelRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisChannelRelay>());
        services.AddSingleton<IDomainEventHandler<ChannelsChanged>>(sp => sp.GetRequiredService<RedisChannelRelay>());
        var signalR = services.AddSignalR().AddJsonProtocol(json =>
            json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            // Hub messages sent on one instance reach the connections of every instance.
            signalR.AddStackExchangeRedis(options =>
            {
                options.Configuration = RedisLink.Options(redis);
                options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("inbox-hub");
            });
        }

        return services;
    }

    /// <summary>Maps the live-updates hub at <see cref="InboxHub.Path"/>.</summary>
    public static IEndpointRouteBuilder MapRealtime(this IEndpointRouteBuilder app)
    {
        app.MapHub<InboxHub>(InboxHub.Path);
        return app;
    }
}
