using System.ComponentModel.DataAnnotations;

namespace Inbox.Core.Persistence;

/// <summary>
/// How instances sharing one PostgreSQL database divide work (<c>Inbox:Cluster</c>). Work is claimed in the database
/// with a lease: an instance that dies leaves its claims to be taken over once the lease has run out.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Inbox:Cluster";

    /// <summary>This instance's name on its claims; empty: the host name and process id.</summary>
    public string InstanceName { get; set; } = "";

    /// <summary>
    /// How long a claim holds: a webhook batch claimed by an instance that stopped is processed by another after this,
    /// and a reply left "Sending" by one is settled (as after a restart) after this. Longer than the slowest send with
    /// its retries.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The name this instance puts on its claims.</summary>
    public string Instance => string.IsNullOrWhiteSpace(InstanceName) ? $"{Environment.MachineName}:{Environment.ProcessId}" : InstanceName;
}
