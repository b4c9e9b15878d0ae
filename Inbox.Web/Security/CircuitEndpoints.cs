using Microsoft.AspNetCore.Components.Endpoints;

namespace Inbox.Web.Security;

/// <summary>The fallback policy's exception for Blazor's own plumbing.</summary>
public static class CircuitEndpoints
{
    /// <summary>
    /// Lets anyone reach the circuit hub (<c>/_blazor</c>) and Blazor's redirect helper, which are not pages: a page
    /// decides who may see it with its own <c>[Authorize]</c> or <c>[AllowAnonymous]</c>, checked again inside the circuit
    /// by <c>AuthorizeRouteView</c>, and anonymous pages (the demo simulator) need a circuit too.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder AllowAnonymousCircuits(this RazorComponentsEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            if (!endpoint.Metadata.OfType<ComponentTypeMetadata>().Any())
            {
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            }
        });
        return builder;
    }
}
