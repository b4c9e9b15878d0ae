using Scalar.AspNetCore;

namespace Inbox.Web.Security;

/// <summary>
/// <c>X-Content-Type-Options</c>, <c>Referrer-Policy</c> and the Content-Security-Policy on every response, set when
/// the response starts so that error pages (whose handler clears headers) carry them too.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// The app's own pages: scripts only from the app (Blazor's and MudBlazor's files, no inline script), styles inline
    /// too (MudBlazor sets style attributes, Blazor's reconnect dialog adds a style element), the circuit's WebSocket to
    /// the same host (<c>'self'</c> covers ws: and wss: there), and no framing by other sites. Pictures may also be <c>blob:</c>
    /// links: the composer previews a file the agent attached from their own browser's copy.
    /// </summary>
    public const string AppPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy = context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) && nonce is string value
                // The API reference (/api/docs) starts itself with one inline script, allowed by this response's own nonce.
                ? AppPolicy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{value}'", StringComparison.Ordinal)
                : AppPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
