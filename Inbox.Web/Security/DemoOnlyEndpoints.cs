using Inbox.Core.Demo;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Security;

/// <summary>Pages and endpoints marked <see cref="DemoOnlyAttribute"/> answer 404 while demo mode is off.</summary>
public static class DemoOnlyEndpoints
{
    /// <summary>
    /// Not a refusal (which would send visitors to the sign-in page, or confirm the page exists) and not a route left
    /// out of the table (whose requests the fallback policy would send to the sign-in page too): a plain 404.
    /// </summary>
    public static TBuilder NotFoundWithoutDemo<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<DemoOnlyAttribute>().Any() && endpoint.RequestDelegate is { } page)
            {
                endpoint.RequestDelegate = context =>
                {
                    if (context.RequestServices.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
                    {
                        return page(context);
                    }

                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                };
            }
        });
        return builder;
    }
}
