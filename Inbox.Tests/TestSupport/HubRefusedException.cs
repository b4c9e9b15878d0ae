using System.Net;

namespace Inbox.Tests.TestSupport;

/// <summary>The hub refused to negotiate a connection.</summary>
public sealed class HubRefusedException(HttpStatusCode status) : Exception($"The hub answered {(int)status} {status}.")
{
    public HttpStatusCode Status { get; } = status;
}
