namespace Inbox.Web.Endpoints.Contracts;

public sealed record ContactRef(int Id, string Name, string ExternalId);
