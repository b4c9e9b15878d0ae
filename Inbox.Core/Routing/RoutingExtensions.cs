using Inbox.Core.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Core.Routing;

/// <summary>Registration of the routing feature.</summary>
public static class RoutingExtensions
{
    /// <summary>Named like <c>AddInboxIdentity</c>: ASP.NET Core already has an <c>AddRouting</c>. Presence, manual team assignment, auto-assignment of new conversations and the team editor.</summary>
    public static IServiceCollection AddInboxRouting(this IServiceCollection services)
    {
        services.AddSingleton<AgentPresence>();
        services.AddSingleton<RoutingDirectory>();
        services.AddSingleton<TeamAssignment>();
        services.AddSingleton<TeamAdmin>();
        services.AddSingleton<AutoAssignment>();
        services.AddSingleton<IDomainEventBatchHandler<MessageReceived>, AutoAssignNewConversation>();
        return services;
    }
}
