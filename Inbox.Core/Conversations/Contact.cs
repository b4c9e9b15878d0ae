using Inbox.Core.Channels;

namespace Inbox.Core.Conversations;

/// <summary>A customer's identity on one channel (PSID, IGSID, wa_id or LINE user id).</summary>
public class Contact
{
    public int Id { get; set; }

    public int ChannelId { get; set; }

    public Channel? Channel { get; set; }

    /// <summary>The platform's id of this person on this channel; unique per channel.</summary>
    public required string ExternalId { get; set; }

    public required string Name { get; set; }

    /// <summary>Set when this identity has been merged with others into one person.</summary>
    public int? PersonId { get; set; }

    public Person? Person { get; set; }

    public DateTime CreatedAt { get; set; }
}
