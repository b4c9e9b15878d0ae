using System.Security.Claims;
using Inbox.Core.Routing;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Inbox.Web.Realtime;

/// <summary>
/// Tells <see cref="AgentPresence"/> when a signed-in agent's browser connection comes up or goes down (one per
/// circuit, scoped). The connection, not the circuit, is what counts: a closed tab drops its connection at once,
/// while the circuit itself is kept a few minutes in case the browser comes back.
/// </summary>
public sealed class PresenceCircuitHandler(AuthenticationStateProvider authentication, AgentPresence presence) : CircuitHandler
{
    private int? agentId;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            agentId = await presence.ConnectedAsync(userId, circuit.Id, cancellationToken);
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => DisconnectAsync(circuit);

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) => DisconnectAsync(circuit);

    private Task DisconnectAsync(Circuit circuit) =>
        agentId is { } id ? presence.DisconnectedAsync(id, circuit.Id, CancellationToken.None) : Task.CompletedTask;
}
