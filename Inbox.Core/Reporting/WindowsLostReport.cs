namespace Inbox.Core.Reporting;

/// <summary>Windows lost over a range, per channel and per agent.</summary>
public sealed record WindowsLostReport(IReadOnlyList<WindowsLostRow> ByChannel, IReadOnlyList<WindowsLostRow> ByAgent);
