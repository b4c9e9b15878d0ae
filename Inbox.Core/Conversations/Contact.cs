using Inbox.Core.Channels;

namespace Inbox.Core.Conversations;

/// <summary>A customer's identity on one channel (PSID, IGSID, WhatsApp business-scoped user id or phone, LINE user id).</summary>
public class Contact
{
    public int Id { get; set; }

    public int ChannelId { get; set; }

    public Channel? Channel { get; set; }

    /// <summary>
    /// The platform's id of this person on this channel; unique per channel. WhatsApp: the business-scoped user id
    /// (BSUID, <c>BR.1502576394655843</c>) once a webhook carried one, until then the phone number (<c>wa_id</c>).
    /// </summary>
    public required string ExternalId { get; set; }

    public required string Name { get; set; }

    /// <summary>Set when this identity has been merged with others into one person.</summary>
    public int? PersonId { get; set; }

    public Person? Person { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>WhatsApp: the phone number (<c>wa_id</c>), a second identity beside the BSUID; null while WhatsApp withholds it.</summary>
    public string? Phone { get; set; }

    /// <summary>WhatsApp: the parent BSUID (<c>parent_user_id</c>), shared across a business portfolio, when WhatsApp sends one.</summary>
    public string? ParentUserId { get; set; }

    /// <summary>WhatsApp username (<c>profile.username</c>): shown beside the name, never a key, since users change it.</summary>
    public string? Username { get; set; }

    /// <summary>The profile picture, stored in the media folder by the profile lookup; null shows initials.</summary>
    public string? AvatarFile { get; set; }

    /// <summary>
    /// The customer's language (a tag like <c>pt-BR</c>), which picks the away message, CSAT question and follow-up they
    /// get: set by an agent in the contact panel, or from the platform's profile (LINE's <c>language</c>) while unset.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>When the platform's profile (name, picture) was last read; refreshed when older than a week.</summary>
    public DateTime? ProfileFetchedAt { get; set; }

    /// <summary>A failed profile lookup is not tried again before this instant.</summary>
    public DateTime? ProfileRetryAt { get; set; }
}
