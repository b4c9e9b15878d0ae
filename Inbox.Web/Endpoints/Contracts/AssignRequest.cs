namespace Inbox.Web.Endpoints.Contracts;

/// <summary>Body of <c>POST /api/conversations/{id}/assign</c>; a null agent unassigns.</summary>
public sealed record AssignRequest(int? AgentId);
