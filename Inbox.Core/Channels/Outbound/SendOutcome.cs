namespace Inbox.Core.Channels.Outbound;

/// <summary>How one send ended: accepted with the platform's id, or refused with an error.</summary>
/// <param name="PlatformMessageId">The platform's id for the sent message; null when refused, or when the platform gave none.</param>
/// <param name="Error">Null when accepted.</param>
/// <param name="Calls">Requests made to the platform.</param>
public sealed record SendOutcome(string? PlatformMessageId, SendError? Error, int Calls)
{
    /// <summary>LINE: the reply token this send used up, to be cleared from the conversation.</summary>
    public string? ConsumedReplyToken { get; init; }

    /// <summary>LINE: sent as a push, which counts against the monthly quota.</summary>
    public bool UsedPushQuota { get; init; }

    public bool Accepted => Error is null;

    public static SendOutcome Sent(string? platformMessageId, int calls) => new(platformMessageId, null, calls);

    public static SendOutcome Refused(SendError error, int calls) => new(null, error, calls);

    /// <summary>Reads the outcome off a platform reply, taking the id from an accepted answer.</summary>
    public static SendOutcome From(PlatformReply reply, Func<PlatformReply, string?> platformId) =>
        reply.Error is { } error ? Refused(error, reply.Calls) : Sent(platformId(reply), reply.Calls);
}
