using Inbox.Core.Conversations;

namespace Inbox.Core.Channels.Outbound;

/// <summary>A platform's refusal, in the inbox's terms.</summary>
/// <param name="Kind">Retry, hold, or give up.</param>
/// <param name="Failure">For final errors, why the message was not delivered.</param>
/// <param name="Code">The platform's code as stored on the message: <c>10/2018278</c>, <c>131047</c>, <c>429</c>, <c>timeout</c>…</param>
/// <param name="Message">What the agent reads: our explanation, then the platform's own words.</param>
public sealed record SendError(SendErrorKind Kind, SendFailure? Failure, string Code, string Message)
{
    public static SendError Final(SendFailure failure, string code, string message) => new(SendErrorKind.Final, failure, code, message);

    public static SendError Transient(string code, string message) => new(SendErrorKind.Transient, null, code, message);

    public static SendError Auth(string code, string message) => new(SendErrorKind.Auth, null, code, message);

    /// <summary>The send may or may not have reached the customer; the agent checks before sending again.</summary>
    public static SendError Interrupted(string code, string what) =>
        Final(SendFailure.Interrupted, code, $"{what}: the message may or may not have arrived. Check the conversation on the platform before sending it again.");
}
