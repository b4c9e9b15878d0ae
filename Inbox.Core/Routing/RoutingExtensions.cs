using Inbox.Core.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Core.Routing;

/// <summary>Registration of the routing feature.</summary>
public static class RoutingExtensions
{
    /// <summary>Named like <c>AddInboxIdentity</c>: ASP.NET Core already has an <c>AddRouting</c>. Presence, the agent directory, assignment (manual, team, on replying, automatic), the team editor and who sees which team's conversations.</summary>
    public static IServiceCollection AddInboxRouting(this IServiceCollection services)
    {
        services.AddSingleton<AgentPresence>();
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<AssignmentService>();
        services.AddSingleton<TeamAdmin>();
        services.AddSingleton<ConversationScopes>();
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.Section).ValidateOnStart();
        services.AddSingleton<IDomainEventBatchHandler<MessageReceived>, AutoAssignNewConversation>();
        return services;
    }
}
