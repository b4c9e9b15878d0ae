using System.Text.Json;
using Inbox.Core.Channels.Inbound;

namespace Inbox.Core.Channels.WhatsApp;

/// <summary>
/// Reads who a WhatsApp customer is (docs/platform-rules.md §4, usernames and BSUIDs): <c>contacts[]</c> beside the messages, the
/// system messages that announce a changed BSUID or number, and <c>user_id_update</c> changes.
/// </summary>
internal static class WhatsAppIdentityReader
{
    /// <summary>The <c>contacts[]</c> of a value: each with its BSUID, phone, parent BSUID, name and username.</summary>
    public static IReadOnlyList<(InboundIdentity Identity, string? Name)> Contacts(JsonElement value) =>
        [.. value.Array("contacts").Select(c => (
            new InboundIdentity(c.Str("user_id"), c.Str("wa_id"), c.Str("parent_user_id"), c.Str("profile", "username")),
            c.Str("profile", "name")))];

    /// <summary>The sender of a message: what the message says, completed from the matching <c>contacts[]</c> entry.</summary>
    public static (InboundIdentity Identity, string? Name) Sender(JsonElement message, IReadOnlyList<(InboundIdentity Identity, string? Name)> contacts)
    {
        var userId = message.Str("from_user_id");
        var phone = message.Str("from");
        var (contact, name) = contacts.FirstOrDefault(c =>
            (userId is not null && c.Identity.UserId == userId) || (phone is not null && c.Identity.Phone == phone));
        if (contact is null && contacts.Count == 1)
        {
            // One customer per value is the norm; a contact that names neither id still belongs to the one sender.
            (contact, name) = contacts[0];
        }

        return (new InboundIdentity(userId ?? contact?.UserId, phone ?? contact?.Phone, contact?.ParentUserId, contact?.Username), name);
    }

    /// <summary>
    /// A <c>type: system</c> message: <c>user_changed_number</c> / <c>user_changed_user_id</c> (and the older
    /// <c>customer_changed_number</c>) move the customer to a new BSUID and, when shared, a new number.
    /// </summary>
    public static InboundItem SystemMessage(JsonElement message, string wamid)
    {
        var system = message.Get("system");
        var kind = system?.Str("type");
        var previous = new InboundIdentity(
            system?.Str("previous_user_id") ?? message.Str("from_user_id"), message.Str("from"), system?.Str("previous_parent_user_id"));
        var current = new InboundIdentity(system?.Str("user_id"), system?.Str("wa_id") ?? system?.Str("new_wa_id"), system?.Str("parent_user_id"));
        if (kind is not ("user_changed_number" or "user_changed_user_id" or "customer_changed_number") || previous.Key is null || current.Key is null)
        {
            return new InboundUnattributed($"WhatsApp system message {wamid} ({kind ?? "no type"}) without the previous and the new identity");
        }

        return new InboundIdentityChange(wamid, previous, current);
    }

    /// <summary>
    /// A <c>user_id_update</c> change: <c>value.user_id_update[]</c>, each with <c>user_id{previous,current}</c>,
    /// optionally <c>parent_user_id{previous,current}</c> and the <c>wa_id</c> when WhatsApp shares it.
    /// </summary>
    public static IReadOnlyList<InboundItem> UserIdUpdates(JsonElement value)
    {
        var updates = value.Array("user_id_update").ToList();
        if (updates.Count == 0)
        {
            return [new InboundUnattributed("WhatsApp user_id_update without any update")];
        }

        return [.. updates.Select(u =>
        {
            var previous = new InboundIdentity(u.Str("user_id", "previous"), null, u.Str("parent_user_id", "previous"));
            var current = new InboundIdentity(u.Str("user_id", "current"), u.Str("wa_id"), u.Str("parent_user_id", "current"));
            return previous.UserId is null || current.UserId is null
                ? (InboundItem)new InboundUnattributed("WhatsApp user_id_update without user_id.previous and user_id.current")
                : new InboundIdentityChange(null, previous, current);
        })];
    }
}
