using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Core.Events;

public static class EventsExtensions
{
    public static IServiceCollection AddDomainEvents(this IServiceCollection services)
    {
        services.AddSingleton<HandlerTimings>();
        services.AddSingleton<DomainEvents>();
        return services;
    }
}
