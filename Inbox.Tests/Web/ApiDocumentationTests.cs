using System.Net;
using System.Text.Json;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Web;

/// <summary>The generated OpenAPI document and the reference page, as an API client's author would read them.</summary>
public sealed class ApiDocumentationTests(InboxAppFactory app) : IClassFixture<InboxAppFactory>
{
    [Fact]
    public async Task Document_Anonymous_ListsTheApiRoutesOnly()
    {
        using var document = await DocumentAsync();

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/conversations", paths);
        Assert.Contains("/api/conversations/{id}", paths);
        Assert.Contains("/api/conversations/{id}/messages", paths);
        Assert.Contains("/api/conversations/{id}/assign", paths);
        Assert.Contains("/api/reports/badge", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/", p));
    }

    [Fact]
    public async Task Document_DeclaresTheBearerSchemeForEveryOperation()
    {
        using var document = await DocumentAsync();

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var requirement = Assert.Single(document.RootElement.GetProperty("security").EnumerateArray());
        Assert.True(requirement.TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task SendMessage_DescribesItsBodyAcceptedMessageAndConflictProblem()
    {
        using var document = await DocumentAsync();

        var send = document.RootElement.GetProperty("paths").GetProperty("/api/conversations/{id}/messages").GetProperty("post");
        Assert.Equal("SendMessage", send.GetProperty("operationId").GetString());
        Assert.Contains("409", send.GetProperty("description").GetString());
        var body = send.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var bodyProperties = Schema(document, body).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["text", "replyType", "template", "sender"], bodyProperties.Intersect(["text", "replyType", "template", "sender"]));
        var responses = send.GetProperty("responses");
        Assert.True(responses.GetProperty("202").GetProperty("content").TryGetProperty("application/json", out _));
        var conflict = responses.GetProperty("409").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
        Assert.True(Schema(document, conflict).GetProperty("properties").TryGetProperty("detail", out _));
        Assert.True(responses.TryGetProperty("401", out _));
    }

    [Fact]
    public async Task Reference_Anonymous_ServesThePageForTheDocument()
    {
        var response = await app.CreateClient().GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Inbox API", page);
        Assert.Contains("openapi/v1.json", page);
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Follows a <c>$ref</c> into <c>components/schemas</c>, through <c>oneOf</c> [null, $ref] for a nullable one.</summary>
    private static JsonElement Schema(JsonDocument document, JsonElement schema)
    {
        if (schema.TryGetProperty("oneOf", out var choices))
        {
            schema = choices.EnumerateArray().Single(c => c.TryGetProperty("$ref", out _));
        }

        return schema.TryGetProperty("$ref", out var reference)
            ? document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
    }
}
