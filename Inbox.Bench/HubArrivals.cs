using System.Diagnostics;
using System.Text.Json;
using Inbox.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inbox.Bench;

/// <summary>
/// One hub client (SignalR's .NET client, WebSockets) that only listens: for every <c>MessageReceived</c> it notes the
/// message id and the <see cref="Stopwatch"/> timestamp at which the client handed it over, for matching afterwards.
/// </summary>
public sealed class HubArrivals : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly List<(long MessageId, long At)> arrivals = new(64 * 1024);

    private HubArrivals(HubConnection connection)
    {
        this.connection = connection;
        connection.On<JsonElement>("MessageReceived", received =>
        {
            var at = Stopwatch.GetTimestamp();
            lock (arrivals)
            {
                arrivals.Add((received.GetProperty("messageId").GetInt64(), at));
            }
        });
    }

    /// <summary>Every MessageReceived seen, in order of arrival. Read only after <see cref="DisposeAsync"/>.</summary>
    public IReadOnlyList<(long MessageId, long At)> Arrivals => arrivals;

    public static async Task<HubArrivals> ConnectAsync(Uri baseUrl, string apiKey)
    {
        var hub = new HubArrivals(InboxHubClient.Build(new Uri(baseUrl, "/hubs/inbox"), apiKey, options => options.Transports = HttpTransportType.WebSockets));
        await hub.connection.StartListeningAsync();
        return hub;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
