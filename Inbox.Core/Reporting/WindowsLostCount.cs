namespace Inbox.Core.Reporting;

/// <summary>Windows-lost counts of one channel and agent, as SQL adds them up.</summary>
public sealed record WindowsLostCount(int ChannelId, int? AgentId, int WithWindow, int Lost, int SavedByHumanAgent, int SavedByTemplate);
