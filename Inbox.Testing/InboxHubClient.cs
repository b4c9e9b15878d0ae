using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Testing;

/// <summary>
/// SignalR's own .NET client for the app's <c>/hubs/inbox</c>, as a program would connect with an API key.
/// </summary>
public static class InboxHubClient
{
    /// <summary>A connection (not started) to <paramref name="hubUrl"/>, sending <paramref name="apiKey"/> as a bearer token when given.</summary>
    /// <param name="transport">Changes to the transport, e.g. the test server's handler and WebSocket client.</param>
    public static HubConnection Build(Uri hubUrl, string? apiKey, Action<HttpConnectionOptions>? transport = null) =>
        new HubConnectionBuilder()
            .WithUrl(hubUrl, options =>
            {
                if (apiKey is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(apiKey);
                }

                transport?.Invoke(options);
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)))
            .Build();

    /// <summary>
    /// Starts the connection and returns once the hub is sure to include it in its broadcasts. The server answers the
    /// handshake (where <see cref="HubConnection.StartAsync"/> returns) before it joins the connection to "all clients";
    /// the answer to an invocation comes from the message loop that starts after that, so one round trip (to a method
    /// the hub does not have, refused as such) closes the gap.
    /// </summary>
    public static async Task StartListeningAsync(this HubConnection connection, CancellationToken cancellationToken = default)
    {
        await connection.StartAsync(cancellationToken);
        try
        {
            await connection.InvokeAsync("Ready", cancellationToken);
        }
        catch (HubException)
        {
            // Expected: the hub only talks. The refusal is the round trip.
        }
    }
}
