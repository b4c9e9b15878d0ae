using System.Security.Cryptography;
using System.Text;
using Inbox.Core.Channels;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Demo.Simulator;

/// <summary>
/// Plays the customer on simulated demo channels: builds the platform's webhook, signs it with the real secret and
/// hands it to <see cref="WebhookInbox"/>, the same code the webhook endpoints call, so the whole loop can be watched
/// without a Meta or LINE account. Replies to simulated channels are "sent" by the outbound sender without a network call.
/// </summary>
public sealed class CustomerSimulator(
    IDbContextFactory<InboxDbContext> contexts, WebhookInbox inbox, IOptions<MetaOptions> meta, IOptions<DemoOptions> demo, TimeProvider time)
{
    public bool Enabled => demo.Value.Enabled;

    public async Task<IReadOnlyList<Channel>> ChannelsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Channels.AsNoTracking().Where(c => c.Simulated).OrderBy(c => c.Kind).ThenBy(c => c.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The customers already known on a channel, newest first.</summary>
    public async Task<IReadOnlyList<Contact>> CustomersAsync(int channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Contacts.AsNoTracking().Where(c => c.ChannelId == channelId).OrderByDescending(c => c.Id).Take(50).ToListAsync(cancellationToken);
    }

    /// <summary>The customer's side of the thread: everything in their direct conversations, oldest first.</summary>
    public async Task<IReadOnlyList<Message>> ThreadAsync(int channelId, string customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Messages.AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.Conversation!.Contact!.ExternalId == customerId)
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Take(200)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Writes as the customer. A new customer gets an id in the platform's format and, like a profile lookup would, a name.</summary>
    public async Task<WebhookAcceptance> WriteAsync(int channelId, string? customerId, string customerName, string text, bool asComment, CancellationToken cancellationToken = default)
    {
        if (!Enabled)
        {
            return new(WebhookOutcome.Unauthorized, "The simulator works only in demo mode.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId && c.Simulated, cancellationToken);
        if (channel is null)
        {
            return new(WebhookOutcome.UnknownChannel, "Only simulated channels can be written to from the simulator.");
        }

        customerId ??= NewCustomerId(channel.Kind);
        await NameCustomerAsync(db, channel, customerId, customerName, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var body = Encoding.UTF8.GetBytes(asComment && channel.Kind is ChannelKind.Messenger or ChannelKind.Instagram
            ? SimulatedPayloads.Comment(channel, customerId, customerName, text, now)
            : SimulatedPayloads.DirectMessage(channel, customerId, customerName, text, now));
        if (channel.Kind == ChannelKind.Line)
        {
            if (string.IsNullOrEmpty(channel.ChannelSecret))
            {
                channel.ChannelSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                await db.SaveChangesAsync(cancellationToken);
            }

            return await inbox.AcceptLineAsync(channel.Key, body, LineSignature.Sign(body, channel.ChannelSecret), cancellationToken);
        }

        return await inbox.AcceptMetaAsync(body, MetaSignature.Sign(body, meta.Value.AppSecret), cancellationToken);
    }

    private async Task NameCustomerAsync(InboxDbContext db, Channel channel, string customerId, string name, CancellationToken cancellationToken)
    {
        if (await db.Contacts.AnyAsync(c => c.ChannelId == channel.Id && c.ExternalId == customerId, cancellationToken))
        {
            return;
        }

        db.Contacts.Add(new Contact { ChannelId = channel.Id, ExternalId = customerId, Name = name, CreatedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An id in the platform's own shape: PSID/IGSID digits, a wa_id phone number, a LINE user id.</summary>
    public static string NewCustomerId(ChannelKind kind) => kind switch
    {
        ChannelKind.WhatsApp => "8190" + Random.Shared.NextInt64(10_000_000, 99_999_999),
        ChannelKind.Line => "U" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        _ => Random.Shared.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999).ToString(),
    };
}
