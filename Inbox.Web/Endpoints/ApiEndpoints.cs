using Inbox.Core.Identity;

namespace Inbox.Web.Endpoints;

/// <summary>The REST API for machine clients: API-key auth, JSON, problem+json errors.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Api).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapConversationsApi();
        api.MapContactsApi();
        return app;
    }
}
