namespace Inbox.Web.Realtime;

/// <summary>
/// Something changed in a conversation that live views show: <paramref name="Event"/> is the domain event that said so
/// (<c>MessageReceived</c>, <c>MessageQueued</c>, <c>MessageStatusChanged</c>, <c>ConversationUpdated</c> or <c>WindowClosingSoon</c>).
/// </summary>
public sealed record InboxChange(int ConversationId, object Event)
{
    /// <summary>
    /// Raised on another instance and relayed here through Redis: circuits show it, but the hub broadcaster leaves it
    /// alone (the SignalR backplane already carried it to this instance's hub connections).
    /// </summary>
    public bool Relayed { get; init; }
}
