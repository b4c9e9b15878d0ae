namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// What a WhatsApp webhook says about who wrote, beside the key the message is filed under: the business-scoped user
/// id (BSUID) and the phone number, either of which may be absent, the parent BSUID and the username.
/// </summary>
/// <param name="UserId">The BSUID (<c>from_user_id</c>, <c>contacts[].user_id</c>), e.g. <c>BR.1502576394655843</c>.</param>
/// <param name="Phone">The phone number (<c>from</c>, <c>contacts[].wa_id</c>); null when the customer's username hides it.</param>
/// <param name="ParentUserId">The parent BSUID (<c>contacts[].parent_user_id</c>), shared across a business portfolio.</param>
/// <param name="Username">The WhatsApp username (<c>contacts[].profile.username</c>): shown, never a key.</param>
public sealed record InboundIdentity(string? UserId, string? Phone, string? ParentUserId = null, string? Username = null)
{
    /// <summary>The key a contact is filed under: the BSUID when known, else the phone number.</summary>
    public string? Key => UserId ?? Phone;

    /// <summary>
    /// BSUIDs are a country code, a dot and alphanumerics; phone numbers (<c>wa_id</c>) are digits only. So a WhatsApp
    /// contact key with a dot is a BSUID, and a reply to it must go out with <c>recipient</c> instead of <c>to</c>.
    /// </summary>
    public static bool IsUserId(string key) => key.Contains('.', StringComparison.Ordinal);
}
