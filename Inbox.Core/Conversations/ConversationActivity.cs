using Inbox.Core.Localization;

namespace Inbox.Core.Conversations;

/// <summary>One entry of a conversation's activity log: who did what, when. Never edited.</summary>
public class ConversationActivity
{
    public long Id { get; set; }

    public int ConversationId { get; set; }

    public DateTime At { get; set; }

    public ActivityKind Kind { get; set; }

    /// <summary>The person or API client that acted.</summary>
    public required string Actor { get; set; }

    /// <summary>What happened, in English (entries written before phrases were kept have only this).</summary>
    public required string Detail { get; set; }

    /// <summary>What happened as a phrase (<see cref="PhraseJson"/>), worded in the reader's language; null for older entries.</summary>
    public string? DetailPhrase { get; set; }

    /// <summary>The entry's phrase, or its English text as one for entries stored before phrases were kept.</summary>
    public Phrase Says => PhraseJson.Read(DetailPhrase) ?? new Phrase(Detail);

    /// <summary>Sets both the phrase and its English text (cut to the column's 500 characters).</summary>
    public ConversationActivity Saying(Phrase phrase)
    {
        var english = phrase.ToString();
        (Detail, DetailPhrase) = (english.Length > 500 ? english[..500] : english, PhraseJson.Write(phrase));
        return this;
    }
}
