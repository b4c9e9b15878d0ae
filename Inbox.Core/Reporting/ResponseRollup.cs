namespace Inbox.Core.Reporting;

/// <summary>
/// Customer turns added up per UTC day or UTC month, channel, team, agent, first-or-next and response-time bucket
/// (<see cref="RollupBuckets"/>). Kept equal to <see cref="ResponseFact"/> by database triggers (<see cref="RollupSql"/>):
/// every insert or delete of a fact, by the event handlers, a rebuild or a cascaded conversation delete, adds or
/// subtracts its row in the same transaction. Counts only: nothing here is read row by row.
/// </summary>
public class ResponseRollup
{
    /// <summary>A month row (the whole UTC month from <see cref="Start"/>) rather than a day row.</summary>
    public bool IsMonth { get; set; }

    /// <summary>UTC midnight that starts the day or month.</summary>
    public DateTime Start { get; set; }

    public int ChannelId { get; set; }

    /// <summary>The facts' team; 0 for none (a key column cannot be null on both engines alike).</summary>
    public int TeamId { get; set; }

    /// <summary>The facts' agent; 0 for none.</summary>
    public int AgentId { get; set; }

    public bool IsFirst { get; set; }

    /// <summary>Lower bound of the response-time bucket in seconds; <see cref="RollupBuckets.Unanswered"/> for turns without reply.</summary>
    public int Bucket { get; set; }

    public int Turns { get; set; }

    /// <summary>Turns with a standard window.</summary>
    public int WithWindow { get; set; }

    /// <summary>Turns whose window is lost once it has closed (no reply before it closes); minus those still open, the windows lost.</summary>
    public int LostIfClosed { get; set; }

    public int SavedByHumanAgent { get; set; }

    public int SavedByTemplate { get; set; }
}
