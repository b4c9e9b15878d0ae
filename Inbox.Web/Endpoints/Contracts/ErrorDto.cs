namespace Inbox.Web.Endpoints.Contracts;

/// <summary>Why a message was not delivered (or is waiting, or being retried): the platform's code and a readable reason.</summary>
public sealed record ErrorDto(string? Code, string Message);
