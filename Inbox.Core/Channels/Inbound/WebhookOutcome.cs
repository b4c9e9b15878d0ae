namespace Inbox.Core.Channels.Inbound;

public enum WebhookOutcome
{
    /// <summary>Verified and durably stored (or nothing in it for us): answer 200.</summary>
    Accepted,

    /// <summary>Missing or wrong signature, or no secret to check it with: 401, nothing stored.</summary>
    Unauthorized,

    /// <summary>Not JSON, or not the platform's envelope: 400, nothing stored.</summary>
    Malformed,

    /// <summary>No channel here for the account the events are addressed to: 404, nothing stored.</summary>
    UnknownChannel,
}
