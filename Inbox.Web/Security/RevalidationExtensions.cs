using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Security;

public static class RevalidationExtensions
{
    /// <summary>Blazor circuits re-check their user on a timer (<see cref="IdentityRevalidation"/>).</summary>
    public static IServiceCollection AddCircuitRevalidation(this IServiceCollection services)
    {
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidation>();
        return services;
    }
}
