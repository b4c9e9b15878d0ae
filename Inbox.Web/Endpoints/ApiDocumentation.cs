using Scalar.AspNetCore;

namespace Inbox.Web.Endpoints;

/// <summary>
/// The REST API's description: an OpenAPI document generated from the <c>/api</c> endpoints' metadata at
/// <c>/openapi/v1.json</c>, and a browsable reference of it at <c>/api/docs</c>. Both are public, like the routes' shapes.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentRoute = "/openapi/{documentName}.json";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Inbox API";
                document.Info.Description = "Conversations with their platform reply windows, and the dashboard's figures. "
                    + "Errors are application/problem+json with a plain-language detail.";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentRoute).AllowAnonymous();
        // A self-hosted inbox calls no one else's servers from its pages: no telemetry, AI chat or web fonts.
        app.MapScalarApiReference("/api/docs", options => options
            .WithTitle("Inbox API")
            .WithOpenApiRoutePattern(DocumentRoute)
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .DisableDefaultFonts()
            .WithNonce()
            .AddHeadContent("<script src=\"/js/scalar-jitless.js\"></script>")
            .HideDeveloperTools()).AllowAnonymous();
        return app;
    }
}
