using System.Text.Json;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Channels.WhatsApp;

namespace Inbox.Core.Channels.Meta;

/// <summary>
/// Reads Meta webhook bodies (docs/platform-rules.md §4) into inbound items. Only a body that is not JSON, or lacks
/// <c>object</c>/<c>entry</c>, is an error; an event of an unknown shape becomes <see cref="InboundIgnored"/>.
/// </summary>
public static class MetaWebhookParser
{
    public static MetaWebhook Parse(ReadOnlyMemory<byte> body, DateTime receivedAt)
    {
        using var document = JsonPaths.ParseDocument(body);
        var root = document.RootElement;
        var objectName = root.Get("object") is { ValueKind: JsonValueKind.String } name ? name.GetString() : null;
        if (root.ValueKind != JsonValueKind.Object || objectName is null || root.Get("entry") is not { ValueKind: JsonValueKind.Array })
        {
            throw new WebhookFormatException("A Meta webhook body is an object with a string \"object\" and an \"entry\" array.");
        }

        ChannelKind? kind = objectName switch
        {
            "page" => ChannelKind.Messenger,
            "instagram" => ChannelKind.Instagram,
            "whatsapp_business_account" => ChannelKind.WhatsApp,
            _ => null,
        };
        var entries = new List<MetaWebhookEntry>();
        var unaddressed = new List<string>();
        foreach (var entry in root.Array("entry"))
        {
            switch (kind)
            {
                case null:
                    unaddressed.Add($"object \"{objectName}\"");
                    break;
                case ChannelKind.WhatsApp:
                    ReadWhatsAppEntry(entry, entries, unaddressed);
                    break;
                default:
                    ReadPageEntry(kind.Value, entry, receivedAt, entries, unaddressed);
                    break;
            }
        }

        return new MetaWebhook(objectName, entries, unaddressed);
    }

    private static void ReadPageEntry(ChannelKind kind, JsonElement entry, DateTime receivedAt, List<MetaWebhookEntry> entries, List<string> unaddressed)
    {
        if (entry.Str("id") is not { } id)
        {
            unaddressed.Add("an entry without an id");
            return;
        }

        var items = new List<InboundItem>();
        foreach (var messaging in entry.Array("messaging"))
        {
            items.Add(MetaMessagingReader.Read(messaging, receivedAt, standby: false));
        }

        // Handover protocol: another app owns the thread; keep the record, answer nothing.
        foreach (var messaging in entry.Array("standby"))
        {
            items.Add(MetaMessagingReader.Read(messaging, receivedAt, standby: true));
        }

        var entryTime = entry.Long("time") is { } t ? (t > 100_000_000_000 ? JsonPaths.FromUnixMilliseconds(t) : JsonPaths.FromUnixSeconds(t)) : null;
        foreach (var change in entry.Array("changes"))
        {
            items.Add(MetaCommentReader.Read(kind, id, change, entryTime ?? receivedAt));
        }

        entries.Add(new MetaWebhookEntry(kind, id, items));
    }

    private static void ReadWhatsAppEntry(JsonElement entry, List<MetaWebhookEntry> entries, List<string> unaddressed)
    {
        foreach (var change in entry.Array("changes"))
        {
            var field = change.Str("field");
            if (field == "message_template_status_update" && change.Get("value") is { } update && entry.Str("id") is { } account
                && update.Str("message_template_name") is { } name && update.Str("message_template_language") is { } language)
            {
                var status = new InboundTemplateStatus(account, name, language, Replies.TemplateStatuses.Parse(update.Str("event")), Replies.TemplateStatuses.Reason(update.Str("reason")));
                entries.Add(new MetaWebhookEntry(ChannelKind.WhatsApp, MetaWebhookEntry.AccountAddress(account), [status]));
                continue;
            }

            if (field is not ("messages" or "user_id_update" or "standby" or "messaging_handovers") || change.Get("value") is not { } value || value.Str("metadata", "phone_number_id") is not { } phoneNumberId)
            {
                unaddressed.Add($"WhatsApp change \"{field}\" for account {entry.Str("id")}");
                continue;
            }

            var items = field switch
            {
                "messages" => WhatsAppValueReader.Read(value),
                "standby" => WhatsAppValueReader.Read(value, standby: true),
                "messaging_handovers" => [WhatsAppStandbyReader.Handover(value)],
                _ => WhatsAppIdentityReader.UserIdUpdates(value),
            };
            entries.Add(new MetaWebhookEntry(ChannelKind.WhatsApp, phoneNumberId, items));
        }
    }
}
