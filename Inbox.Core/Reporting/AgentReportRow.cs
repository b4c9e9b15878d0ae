using Inbox.Core.Routing;

namespace Inbox.Core.Reporting;

/// <summary>One agent's line in the per-agent table: presence, workload, speed, windows lost and satisfaction over the range.</summary>
public sealed record AgentReportRow(
    int AgentId, string Name, Presence Presence, int OpenAssigned, int Answered, int Waiting,
    double? FirstP50Minutes, double? NextP50Minutes, double? P90Minutes, int WindowsLost, double? CsatAverage);
