using System.ComponentModel.DataAnnotations;

namespace Inbox.Web.Security;

/// <summary>Settings of signed-in sessions (<c>Inbox:Security</c>).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Inbox:Security";

    /// <summary>How often an open inbox tab checks that its user still exists, is not locked out and has the same roles.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CircuitRevalidation { get; set; } = TimeSpan.FromMinutes(2);
}
