namespace Inbox.Core.Reporting;

/// <summary>Open conversations of one group (a channel or an agent), counted by how urgent their window is.</summary>
public sealed record WindowOverviewRow(string Group, int Open, int ExpiringWithinHour, int ExpiringWithin4Hours, int HumanAgentOnly, int TemplateOnly, int Closed);
