using Inbox.Core.Channels.Inbound;
using Inbox.Core.Channels.Meta;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Endpoints;

/// <summary>Platform webhooks. Anonymous by design: each platform proves itself with its own token or signature.</summary>
public static class WebhookEndpoints
{
    /// <summary>Larger than any documented webhook batch; bigger bodies are refused before they are read.</summary>
    private const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/webhooks").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription()
            .RequireRateLimiting(Security.RateLimits.Webhooks);
        webhooks.MapGet("/meta", VerifyMetaSubscription);
        webhooks.MapPost("/meta", ReceiveMeta);
        webhooks.MapPost("/line/{channelKey}", ReceiveLine);
        return app;
    }

    /// <summary>Meta's subscription handshake: <c>GET ?hub.mode=subscribe&amp;hub.verify_token=…&amp;hub.challenge=…</c>.</summary>
    private static IResult VerifyMetaSubscription(HttpRequest request, IOptions<MetaOptions> meta, ILoggerFactory loggers)
    {
        var challenge = MetaSubscription.Answer(
            request.Query["hub.mode"], request.Query["hub.verify_token"], request.Query["hub.challenge"], meta.Value.VerifyToken);
        if (challenge is null)
        {
            loggers.CreateLogger(typeof(WebhookEndpoints)).LogWarning("Refused a Meta webhook subscription handshake: wrong mode or verify token.");
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "The verify token does not match Meta:VerifyToken.");
        }

        return Results.Text(challenge, "text/plain");
    }

    private static async Task<IResult> ReceiveMeta(HttpRequest request, WebhookInbox inbox, CancellationToken cancellationToken)
    {
        if (await ReadBodyAsync(request, cancellationToken) is not { } body)
        {
            return TooLarge();
        }

        return Answer(await inbox.AcceptMetaAsync(body, request.Headers["X-Hub-Signature-256"], cancellationToken));
    }

    private static async Task<IResult> ReceiveLine(string channelKey, HttpRequest request, WebhookInbox inbox, CancellationToken cancellationToken)
    {
        if (await ReadBodyAsync(request, cancellationToken) is not { } body)
        {
            return TooLarge();
        }

        return Answer(await inbox.AcceptLineAsync(channelKey, body, request.Headers["x-line-signature"], cancellationToken));
    }

    /// <summary>The raw bytes, exactly as signed; null when the body is over the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large", detail: $"Webhook bodies are limited to {MaxBodyBytes} bytes.");

    private static IResult Answer(WebhookAcceptance acceptance) => acceptance.Outcome switch
    {
        WebhookOutcome.Accepted => Results.Text("EVENT_RECEIVED", "text/plain"),
        WebhookOutcome.Unauthorized => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: acceptance.Detail),
        WebhookOutcome.Malformed => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed webhook", detail: acceptance.Detail),
        _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown channel", detail: acceptance.Detail),
    };
}
