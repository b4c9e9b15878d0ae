using System.Text.Json;
using Inbox.Core.Channels;

namespace Inbox.Core.Demo.Simulator;

/// <summary>
/// Webhook bodies in each platform's real format (docs/platform-rules.md §4), as the platform would send them for a customer
/// writing on a simulated channel. They go through the same verification and processing as real ones.
/// </summary>
public static class SimulatedPayloads
{
    public static string DirectMessage(Channel channel, string customerId, string customerName, string text, DateTime at)
    {
        var id = Guid.NewGuid().ToString("N");
        var ms = new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeMilliseconds();
        object payload = channel.Kind switch
        {
            ChannelKind.WhatsApp => new
            {
                @object = "whatsapp_business_account",
                entry = new[]
                {
                    new
                    {
                        id = "simulated-waba",
                        changes = new[]
                        {
                            new
                            {
                                field = "messages",
                                value = new
                                {
                                    messaging_product = "whatsapp",
                                    metadata = new { display_phone_number = "15550000000", phone_number_id = channel.ExternalId },
                                    contacts = new[] { new { profile = new { name = customerName }, wa_id = customerId } },
                                    messages = new[] { new { from = customerId, id = $"wamid.SIM{id}", timestamp = (ms / 1000).ToString(), type = "text", text = new { body = text } } },
                                },
                            },
                        },
                    },
                },
            },
            ChannelKind.Line => new
            {
                destination = channel.ExternalId,
                events = new[]
                {
                    new
                    {
                        type = "message",
                        mode = "active",
                        timestamp = ms,
                        source = new { type = "user", userId = customerId },
                        webhookEventId = $"SIM{id}",
                        deliveryContext = new { isRedelivery = false },
                        replyToken = id,
                        message = new { id = $"{ms}{Random.Shared.Next(1000, 9999)}", type = "text", text },
                    },
                },
            },
            _ => new
            {
                @object = channel.Kind == ChannelKind.Instagram ? "instagram" : "page",
                entry = new[]
                {
                    new
                    {
                        id = channel.ExternalId,
                        time = ms,
                        messaging = new[]
                        {
                            new { sender = new { id = customerId }, recipient = new { id = channel.ExternalId }, timestamp = ms, message = new { mid = $"m_SIM{id}", text } },
                        },
                    },
                },
            },
        };
        return JsonSerializer.Serialize(payload);
    }

    /// <summary>A public comment on the Page's or account's latest post.</summary>
    public static string Comment(Channel channel, string customerId, string customerName, string text, DateTime at)
    {
        var id = Guid.NewGuid().ToString("N")[..16];
        var seconds = new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeSeconds();
        object change = channel.Kind == ChannelKind.Instagram
            ? new { field = "comments", value = new { from = new { id = customerId, username = customerName.Replace(' ', '.').ToLowerInvariant() }, media = new { id = "simulated-media" }, id = $"SIM{id}", text } }
            : new
            {
                field = "feed",
                value = new
                {
                    from = new { id = customerId, name = customerName },
                    post_id = $"{channel.ExternalId}_simulated",
                    comment_id = $"simulated_{id}",
                    item = "comment",
                    verb = "add",
                    created_time = seconds,
                    message = text,
                },
            };
        var payload = new
        {
            @object = channel.Kind == ChannelKind.Instagram ? "instagram" : "page",
            entry = new[] { new { id = channel.ExternalId, time = seconds, changes = new[] { change } } },
        };
        return JsonSerializer.Serialize(payload);
    }
}
