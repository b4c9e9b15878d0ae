namespace Inbox.Core.Channels.Outbound;

/// <summary>A platform call failed transiently and the sender will call again after its back-off.</summary>
/// <param name="Attempt">Which call of this request failed, from 1; retries of one request only, so a LINE push after a refused reply token counts from 1 again.</param>
/// <param name="Error">Why it failed, as the agent reads it.</param>
public sealed record SendRetry(int Attempt, SendError Error);
