namespace Inbox.Core.Reporting;

/// <summary>
/// Customer turns of one channel or agent whose standard window closed before any reply, and how many of those a
/// HUMAN_AGENT-tagged reply or a WhatsApp template still answered afterwards.
/// </summary>
public sealed record WindowsLostRow(string Group, int WithWindow, int Lost, int SavedByHumanAgent, int SavedByTemplate)
{
    public int Unsaved => Lost - SavedByHumanAgent - SavedByTemplate;
}
