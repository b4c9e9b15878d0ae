using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Inbox.Web.Endpoints;

/// <summary>
/// Declares the API's one way in, <c>Authorization: Bearer &lt;key&gt;</c> with a key from <c>Inbox:ApiKeys</c>, and
/// requires it for every operation, so generated clients and the reference page send the key.
/// </summary>
public sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key from Inbox:ApiKeys.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
