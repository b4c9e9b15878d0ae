using System.Buffers.Text;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Inbox.Bench;

/// <summary>
/// A minimal SignalR JSON-protocol client over a raw <see cref="ClientWebSocket"/> (the .NET client package does not
/// restore here), after Inbox.Tests' HubTestClient. It only listens: for every <c>MessageReceived</c> it notes the
/// message id and the <see cref="Stopwatch"/> timestamp at which the record was read, for matching afterwards.
/// </summary>
public sealed class BenchHubClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Target = "\"target\":\"MessageReceived\""u8.ToArray();
    private static readonly byte[] MessageIdProperty = "\"messageId\":"u8.ToArray();

    private readonly ClientWebSocket socket;
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(long MessageId, long At)> arrivals = new(64 * 1024);
    private readonly Task reading;

    private BenchHubClient(ClientWebSocket socket)
    {
        this.socket = socket;
        reading = Task.Run(ReadAsync);
    }

    /// <summary>Every MessageReceived seen, in order of arrival. Read only after <see cref="DisposeAsync"/>.</summary>
    public IReadOnlyList<(long MessageId, long At)> Arrivals => arrivals;

    public static async Task<BenchHubClient> ConnectAsync(HttpClient http, Uri baseUrl, string apiKey)
    {
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "/hubs/inbox/negotiate?negotiateVersion=1"));
        negotiate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await http.SendAsync(negotiate);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();

        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {apiKey}");
        var ws = new UriBuilder(baseUrl) { Scheme = "ws", Path = "/hubs/inbox", Query = $"id={token}" }.Uri;
        await socket.ConnectAsync(ws, CancellationToken.None);
        await SendAsync(socket, """{"protocol":"json","version":1}""");
        var client = new BenchHubClient(socket);

        // As in HubTestClient: the completion of an invocation (even of a method the hub does not have) comes from
        // the message loop, which starts after the connection joined "all clients"; once it is here no broadcast is missed.
        await SendAsync(socket, """{"type":1,"invocationId":"ready","target":"Ready","arguments":[]}""");
        await client.ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await reading;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Stopped on purpose, or the app went away first.
        }

        socket.Dispose();
        stop.Dispose();
    }

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + '\u001e'), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        var pending = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, stop.Token);
            var at = Stopwatch.GetTimestamp();
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            pending.Write(buffer, 0, result.Count);
            var data = pending.GetBuffer().AsSpan(0, (int)pending.Length);
            var consumed = 0;
            int end;
            while ((end = data[consumed..].IndexOf(RecordSeparator)) >= 0)
            {
                Handle(data.Slice(consumed, end), at);
                consumed += end + 1;
            }

            var rest = data[consumed..].ToArray();
            pending.SetLength(0);
            pending.Write(rest);
        }
    }

    /// <summary>A byte scan rather than a JSON parse: 200 clients on the app's own two cores must cost as little as possible.</summary>
    private void Handle(ReadOnlySpan<byte> record, long at)
    {
        if (record.IndexOf(Target) >= 0)
        {
            var start = record.IndexOf(MessageIdProperty);
            if (start >= 0 && Utf8Parser.TryParse(record[(start + MessageIdProperty.Length)..], out long id, out _))
            {
                arrivals.Add((id, at));
            }

            return;
        }

        if (record.IndexOf("\"type\":3"u8) >= 0)
        {
            ready.TrySetResult();
        }
    }
}
