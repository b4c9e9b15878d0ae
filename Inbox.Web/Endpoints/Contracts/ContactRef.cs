namespace Inbox.Web.Endpoints.Contracts;

/// <param name="ExternalId">The platform id; on WhatsApp the business-scoped user id (BSUID) once known, else the phone number.</param>
/// <param name="Phone">WhatsApp: the phone number, when WhatsApp shared it.</param>
/// <param name="Username">WhatsApp: the username, for display (users change it).</param>
public sealed record ContactRef(int Id, string Name, string ExternalId, string? Phone = null, string? Username = null);
