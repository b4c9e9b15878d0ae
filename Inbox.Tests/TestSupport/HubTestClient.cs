using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace Inbox.Tests.TestSupport;

/// <summary>
/// A small SignalR client speaking the JSON hub protocol over the test server's WebSockets. The .NET client package
/// cannot be restored here (its transport, Microsoft.AspNetCore.Http.Connections.Client, is not in the registry), and
/// the wire protocol is short: negotiate, a handshake, then invocation records ending in 0x1E.
/// </summary>
public sealed class HubTestClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';

    /// <summary>How long a test waits for a hub message before it fails; a safety net, not a timing assertion.</summary>
    public static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);

    private readonly WebSocket socket;
    private readonly List<(string Target, JsonElement Argument)> received = [];
    private readonly List<(string Target, Func<JsonElement, bool> Match, TaskCompletionSource<JsonElement> Done)> waiting = [];
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task reading;

    private HubTestClient(WebSocket socket)
    {
        this.socket = socket;
        reading = ReadAsync();
    }

    /// <summary>Negotiates with <paramref name="path"/> and opens a WebSocket, sending <paramref name="apiKey"/> as a bearer token when given.</summary>
    public static async Task<HubTestClient> ConnectAsync(TestServer server, string path, string? apiKey)
    {
        using var http = server.CreateClient();
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, $"{path}/negotiate?negotiateVersion=1");
        if (apiKey is not null)
        {
            negotiate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        var response = await http.SendAsync(negotiate);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HubRefusedException(response.StatusCode);
        }

        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();
        var client = server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            if (apiKey is not null)
            {
                request.Headers.Authorization = $"Bearer {apiKey}";
            }
        };
        var socket = await client.ConnectAsync(new Uri(server.BaseAddress, $"{path}?id={token}"), CancellationToken.None);
        await SendAsync(socket, """{"protocol":"json","version":1}""");
        var hub = new HubTestClient(socket);

        // The server joins a connection to "all clients" only after its handshake answer; the answer to an invocation
        // comes from the message loop that starts after that, so once it is here no broadcast can be missed.
        await SendAsync(socket, """{"type":1,"invocationId":"ready","target":"Ready","arguments":[]}""");
        await hub.ready.Task.WaitAsync(SafetyTimeout);
        return hub;
    }

    /// <summary>Completes with the argument of the first <paramref name="target"/> message that matches, including ones already received.</summary>
    public Task<JsonElement> NextAsync(string target, Func<JsonElement, bool> match)
    {
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (received)
        {
            var seen = received.FirstOrDefault(r => r.Target == target && match(r.Argument));
            if (seen.Target is not null)
            {
                done.SetResult(seen.Argument);
            }
            else
            {
                waiting.Add((target, match, done));
            }
        }

        return done.Task.WaitAsync(SafetyTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await reading;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        socket.Dispose();
        stop.Dispose();
    }

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task ReadAsync()
    {
        var buffer = new byte[16 * 1024];
        var text = new StringBuilder();
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            var records = text.ToString().Split(RecordSeparator);
            text.Clear().Append(records[^1]);
            foreach (var record in records[..^1])
            {
                Dispatch(JsonDocument.Parse(record).RootElement);
            }
        }
    }

    private void Dispatch(JsonElement message)
    {
        // Type 1 is an invocation, type 3 the completion of ours; the handshake answer ({}) and pings (type 6) carry nothing.
        if (!message.TryGetProperty("type", out var type) || type.GetInt32() is not (1 or 3))
        {
            return;
        }

        if (type.GetInt32() == 3)
        {
            ready.TrySetResult();
            return;
        }

        var target = message.GetProperty("target").GetString()!;
        var argument = message.GetProperty("arguments")[0].Clone();
        lock (received)
        {
            received.Add((target, argument));
            foreach (var waiter in waiting.Where(w => w.Target == target && w.Match(argument)).ToList())
            {
                waiting.Remove(waiter);
                waiter.Done.SetResult(argument);
            }
        }
    }
}
