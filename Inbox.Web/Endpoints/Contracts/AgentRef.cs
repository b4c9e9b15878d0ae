namespace Inbox.Web.Endpoints.Contracts;

public sealed record AgentRef(int Id, string Name);
