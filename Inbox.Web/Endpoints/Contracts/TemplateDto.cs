namespace Inbox.Web.Endpoints.Contracts;

public sealed record TemplateDto(string? Name, string? Language, IReadOnlyList<string?>? Parameters);
