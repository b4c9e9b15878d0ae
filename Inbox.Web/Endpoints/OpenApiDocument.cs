using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Inbox.Web.Endpoints;

/// <summary>
/// Serves <c>/openapi/v1.json</c>, an OpenAPI 3.0 description built from the REST endpoints' own route metadata.
/// Microsoft.AspNetCore.OpenApi 9 needs Microsoft.OpenApi 1.6.31, which the package registry here does not
/// carry (only 2.x, whose types moved), so the document is assembled from the endpoint data source instead.
/// </summary>
public static partial class OpenApiDocument
{
    public static IEndpointRouteBuilder MapOpenApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapGet("/openapi/v1.json", (EndpointDataSource endpoints) => Results.Json(Build(endpoints))).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static object Build(EndpointDataSource source)
    {
        var paths = new SortedDictionary<string, Dictionary<string, object>>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (!pattern.StartsWith("/api", StringComparison.Ordinal) || methods is null)
            {
                continue;
            }

            var path = RouteConstraint().Replace(pattern.TrimEnd('/'), "{$1}");
            var operations = paths.TryGetValue(path, out var existing) ? existing : paths[path] = [];
            foreach (var method in methods)
            {
                operations[method.ToLowerInvariant()] = Operation(endpoint, method);
            }
        }

        return new Dictionary<string, object>
        {
            ["openapi"] = "3.0.1",
            ["info"] = new { title = "Inbox API", version = "v1", description = "Conversations with their platform reply windows. Authenticate with 'Authorization: Bearer <key>' (Inbox:ApiKeys)." },
            ["components"] = new { securitySchemes = new { apiKey = new { type = "http", scheme = "bearer" } } },
            ["security"] = new[] { new { apiKey = Array.Empty<string>() } },
            ["paths"] = paths,
        };
    }

    private static Dictionary<string, object> Operation(RouteEndpoint endpoint, string method)
    {
        var operation = new Dictionary<string, object>
        {
            ["operationId"] = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName ?? "",
            ["summary"] = endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? "",
            ["tags"] = endpoint.Metadata.GetMetadata<ITagsMetadata>()?.Tags ?? [],
            ["parameters"] = endpoint.RoutePattern.Parameters
                .Select(p => new { name = p.Name, @in = "path", required = true, schema = new { type = p.ParameterPolicies.Any(x => x.Content == "int") ? "integer" : "string" } })
                .ToList(),
            ["responses"] = new Dictionary<string, object>
            {
                ["2XX"] = new { description = "Success" },
                ["400"] = new { description = "Invalid request (problem+json)" },
                ["401"] = new { description = "Missing or invalid API key (problem+json)" },
                ["404"] = new { description = "Not found (problem+json)" },
            },
        };
        if (method is "POST" or "PUT")
        {
            operation["requestBody"] = new { required = true, content = new Dictionary<string, object> { ["application/json"] = new { schema = new { type = "object" } } } };
        }

        return operation;
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteConstraint();
}
