using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Channels.Outbound;

/// <summary>
/// Shows the customer that someone is on it (docs/platform-rules.md §5): a read receipt for their latest message when an
/// agent opens the conversation, and a typing signal, at most every <see cref="TypingEvery"/> per conversation, while an
/// agent types. Only for channels with <see cref="Channel.ReadReceipts"/> on. The work runs off the caller's thread; a
/// failure is logged and never reaches the agent.
/// </summary>
public sealed class ReadAndTypingSignals(
    IDbContextFactory<InboxDbContext> contexts, IHttpClientFactory clients, IOptions<MetaOptions> meta, IOptions<LineOptions> line,
    TimeProvider time, ILogger<ReadAndTypingSignals> logger)
{
    /// <summary>WhatsApp shows a typing indicator for up to 25 s; one signal per 20 s keeps it on without flooding any platform.</summary>
    public static readonly TimeSpan TypingEvery = TimeSpan.FromSeconds(20);

    /// <summary>No signal may hold anything up for long: it is a courtesy, not a message.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<int, DateTimeOffset> lastTyping = new();

    /// <summary>An agent opened the conversation: mark the customer's latest message read. The task never faults.</summary>
    public Task ConversationOpenedAsync(int conversationId) => Task.Run(() => SignalAsync(conversationId, typing: false));

    /// <summary>An agent typed in the composer: a typing signal unless one went out less than 20 s ago. The task never faults.</summary>
    public Task AgentTypingAsync(int conversationId)
    {
        var now = time.GetUtcNow();
        var last = lastTyping.GetOrAdd(conversationId, DateTimeOffset.MinValue);
        if (now - last < TypingEvery || !lastTyping.TryUpdate(conversationId, now, last))
        {
            return Task.CompletedTask;
        }

        return Task.Run(() => SignalAsync(conversationId, typing: true));
    }

    private async Task SignalAsync(int conversationId, bool typing)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            if (await TargetAsync(conversationId, timeout.Token) is not { } target || Request(target, typing) is not { } request)
            {
                return;
            }

            using var message = new HttpRequestMessage(HttpMethod.Post, request.Url) { Content = JsonContent.Create(request.Body) };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Channel.AccessToken ?? "");
            using var response = await clients.CreateClient(PlatformClient.HttpClientName).SendAsync(message, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Conversation {ConversationId}: the {Signal} signal was refused: HTTP {Status} {Body}",
                    conversationId, typing ? "typing" : "read", (int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
            }
        }
        catch (Exception ex)
        {
            // Fire-and-forget: nobody awaits this task in the UI, so nothing may escape it; the log is where a failure shows.
            logger.LogWarning(ex, "Conversation {ConversationId}: the {Signal} signal could not be sent.", conversationId, typing ? "typing" : "read");
        }
    }

    private async Task<SignalTarget?> TargetAsync(int conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var target = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId && c.Kind == ConversationKind.Direct && c.Channel!.ReadReceipts && !c.Channel.Simulated)
            .Select(c => new SignalTarget(
                c.Channel!, c.Contact!.ExternalId, c.LineMarkAsReadToken,
                c.Messages.Where(m => m.Author == MessageAuthor.Customer).OrderByDescending(m => m.SentAt).Select(m => m.PlatformMessageId).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);
        return target;
    }

    /// <summary>The platform's call, or null when there is nothing to mark (no customer message, no LINE token yet).</summary>
    private PlatformRequest? Request(SignalTarget target, bool typing)
    {
        var channel = target.Channel;
        var graph = meta.Value.ApiBaseFor(channel);
        return channel.Kind switch
        {
            // WhatsApp: the read receipt, and with typing_indicator the typing bubble too, both on the customer's latest message.
            ChannelKind.WhatsApp when target.LatestCustomerMessageId is { } wamid => new PlatformRequest($"{graph}/{channel.ExternalId}/messages", typing
                ? new JsonObject { ["messaging_product"] = "whatsapp", ["status"] = "read", ["message_id"] = wamid, ["typing_indicator"] = new JsonObject { ["type"] = "text" } }
                : new JsonObject { ["messaging_product"] = "whatsapp", ["status"] = "read", ["message_id"] = wamid }),
            ChannelKind.Messenger or ChannelKind.Instagram => new PlatformRequest($"{graph}/{channel.ExternalId}/messages",
                new JsonObject { ["recipient"] = new JsonObject { ["id"] = target.CustomerId }, ["sender_action"] = typing ? "typing_on" : "mark_seen" }),
            // LINE: the loading animation (one-to-one chats, 5–60 s in steps of 5), and markAsRead with the newest message's token.
            ChannelKind.Line when typing => new PlatformRequest($"{line.Value.ApiBaseUrl.TrimEnd('/')}/v2/bot/chat/loading/start",
                new JsonObject { ["chatId"] = target.CustomerId, ["loadingSeconds"] = (int)TypingEvery.TotalSeconds }),
            ChannelKind.Line when target.LineMarkAsReadToken is { } token => new PlatformRequest($"{line.Value.ApiBaseUrl.TrimEnd('/')}/v2/bot/chat/markAsRead",
                new JsonObject { ["markAsReadToken"] = token }),
            _ => null,
        };
    }

    private sealed record SignalTarget(Channel Channel, string CustomerId, string? LineMarkAsReadToken, string? LatestCustomerMessageId);
}
