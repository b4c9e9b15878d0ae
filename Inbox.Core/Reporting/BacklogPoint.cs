namespace Inbox.Core.Reporting;

/// <summary>Customer turns still waiting for a reply at the end of a day (reporting time zone).</summary>
public sealed record BacklogPoint(DateOnly Day, int Waiting);
