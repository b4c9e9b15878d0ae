namespace Inbox.Core;

/// <summary>
/// Start-up must stop because of a setting an operator has to change; the message says which. The host prints it and
/// exits with code 1, rather than crashing with a stack trace.
/// </summary>
public sealed class StartupRefusedException(string message) : Exception(message);
