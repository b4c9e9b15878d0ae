using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Inbox.Tests.TestSupport;

/// <summary>
/// The in-memory test server has no client address; this lets a test speak from one
/// (<c>X-Test-Client-Address</c>), as requests from many machines would arrive.
/// </summary>
public sealed class ClientAddressHeader : IStartupFilter
{
    public const string Name = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, continueWith) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Name], out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return continueWith();
        });
        next(app);
    };
}
