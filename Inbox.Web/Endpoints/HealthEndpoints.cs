using Inbox.Core.Persistence;

namespace Inbox.Web.Endpoints;

/// <summary>
/// <c>/healthz</c> for load balancers and uptime monitors: 200 <c>Healthy</c> or 503 <c>Unhealthy</c>, from the database
/// check here and every other registered check (the job storage's among them). Anonymous, so it says nothing more than
/// the status word.
/// </summary>
public static class HealthEndpoints
{
    public const string Route = "/healthz";

    public static IServiceCollection AddInboxHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<InboxDbContext>("database");
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Route).AllowAnonymous().DisableHttpMetrics();
        return app;
    }
}
