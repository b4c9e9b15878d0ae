namespace Inbox.Core.Routing;

/// <summary>A team and how it hands out new conversations.</summary>
/// <param name="Id">The team.</param>
/// <param name="Name">Its name.</param>
/// <param name="Mode">Its auto-assignment mode.</param>
/// <param name="IsDefault">The first team: the one new conversations are routed to.</param>
public sealed record TeamSummary(int Id, string Name, AutoAssignMode Mode, bool IsDefault);
