using System.Text.RegularExpressions;
using Inbox.Core.Conversations;

namespace Inbox.Core.Scheduling;

/// <summary>Recognises a customer's answer to the CSAT question: a lone digit 1–5 in a resolved conversation that was asked and has no score yet.</summary>
public static partial class CsatAnswer
{
    /// <summary>The score, or null when the message is not an answer to the survey (it then reopens the conversation as usual).</summary>
    public static int? Read(Conversation conversation, string text)
    {
        if (conversation.Status != ConversationStatus.Resolved || conversation.CsatAskedAt is null || conversation.CsatScore is not null)
        {
            return null;
        }

        var match = Score().Match(text);
        return match.Success ? match.Groups[1].Value[0] - '0' : null;
    }

    [GeneratedRegex(@"^\s*([1-5])\s*(?:/\s*5)?\s*[.!]?\s*$")]
    private static partial Regex Score();
}
