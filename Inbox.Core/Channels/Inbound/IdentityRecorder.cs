using Inbox.Core.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// Moves a WhatsApp contact to the BSUID (and number) WhatsApp announced after the customer changed their phone number,
/// so their next message continues their conversation instead of starting a stranger's.
/// </summary>
public sealed class IdentityRecorder(ILogger<IdentityRecorder> logger)
{
    /// <summary>Applies the change inside the caller's batch; records no message, so it returns null.</summary>
    internal async Task<Message?> MoveAsync(Threads threads, InboundIdentityChange change, CancellationToken cancellationToken)
    {
        var channelId = threads.Channel.Id;
        var contact = (change.Previous.UserId is { } previousId ? await threads.FindAsync(previousId, cancellationToken) : null)
            ?? (change.Previous.Phone is { } previousPhone ? await threads.FindByPhoneAsync(previousPhone, cancellationToken) : null);
        if (contact is null)
        {
            logger.LogInformation(
                "Channel {ChannelId}: acknowledged and ignored ({Kind}) a WhatsApp identity change from {Previous}: no such customer.",
                channelId, IgnoredEvent.UnknownCustomerIdentityChange, change.Previous.Key);
            return null;
        }

        var newKey = change.Current.UserId ?? change.Current.Phone!;
        if (newKey != contact.ExternalId && await threads.FindAsync(newKey, cancellationToken) is { } other)
        {
            // A message under the new id arrived before the announcement and started its own contact: both stay, linkable by Merge.
            logger.LogWarning(
                "Channel {ChannelId}: WhatsApp moved contact {ContactId} to {NewKey}, which contact {OtherId} already has; merge them from the contact panel.",
                channelId, contact.Id, newKey, other.Id);
            return null;
        }

        var before = contact.ExternalId;
        contact.ExternalId = newKey;

        // The BSUID changes only with the phone number, so the old number is no longer this customer's.
        contact.Phone = change.Current.Phone;
        contact.ParentUserId = change.Current.ParentUserId;
        if (contact.Id != 0
            && await threads.Db.Conversations.Where(c => c.ContactId == contact.Id && c.Kind == ConversationKind.Direct)
                .OrderByDescending(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken) is { } conversationId)
        {
            threads.Db.Activities.Add(new ConversationActivity
            {
                ConversationId = conversationId,
                At = threads.Now,
                Kind = ActivityKind.Automation,
                Actor = "WhatsApp",
                Detail = $"The customer's WhatsApp identity changed from {before} to {newKey}{(change.Current.Phone is { } phone ? $" (phone {phone})" : "")}.",
            });
        }

        logger.LogInformation("Channel {ChannelId}: WhatsApp contact {ContactId} moved from {Before} to {After}.", channelId, contact.Id, before, newKey);
        return null;
    }
}
