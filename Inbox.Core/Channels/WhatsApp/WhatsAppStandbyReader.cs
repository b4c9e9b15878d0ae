using System.Text.Json;
using Inbox.Core.Channels.Inbound;

namespace Inbox.Core.Channels.WhatsApp;

/// <summary>
/// Meta's Business AI agent on WhatsApp (docs/platform-rules.md §4): while it holds a conversation, the customer's
/// messages and its own replies (<c>message_echoes</c>) arrive on the <c>standby</c> field; <c>messaging_handovers</c>
/// says when control changes.
/// </summary>
internal static class WhatsAppStandbyReader
{
    /// <summary>The AI agent's replies: outbound messages the inbox did not send, to the customer in <c>to</c>.</summary>
    public static IEnumerable<InboundItem> Echoes(JsonElement value)
    {
        foreach (var echo in value.Array("message_echoes"))
        {
            var to = echo.Str("to_user_id") ?? echo.Str("to");
            if (echo.Str("id") is not { } wamid || to is null)
            {
                yield return new InboundUnattributed("WhatsApp standby echo without id or recipient");
                continue;
            }

            var type = echo.Str("type") ?? "unknown";
            var text = type == "text" ? echo.Str("text", "body") ?? "" : $"[{type}]";
            var at = JsonPaths.FromUnixSeconds(echo.Long("timestamp")) ?? DateTime.UnixEpoch;
            yield return new InboundEcho(wamid, to, at, text, null, ByMetaAgent: true, Identity: new InboundIdentity(echo.Str("to_user_id"), echo.Str("to")));
        }
    }

    /// <summary>
    /// A handover names the notification in <c>type</c>: <c>control_passed</c> reaches the new owner (the inbox now holds
    /// the conversation), <c>control_taken</c> the previous one (another responder, such as the AI agent, took it).
    /// </summary>
    public static InboundItem Handover(JsonElement value)
    {
        var type = value.Str("type");
        var customer = value.Str("sender", "user_id") ?? value.Str("sender", "phone_number") ?? value.Str("sender", "wa_id")
            ?? value.Array("contacts").Select(c => c.Str("user_id") ?? c.Str("wa_id")).FirstOrDefault(k => k is not null);
        if (type is not ("control_passed" or "control_taken") || customer is null)
        {
            return new InboundUnattributed($"WhatsApp handover \"{type}\" without a known type or customer");
        }

        var at = JsonPaths.FromUnixSeconds(value.Long("timestamp")) ?? DateTime.UnixEpoch;
        return new InboundHandover(customer, MetaAgentActive: type == "control_taken", at);
    }
}
