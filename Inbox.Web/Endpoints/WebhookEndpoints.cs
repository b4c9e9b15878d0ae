using Inbox.Core.Channels.Meta;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Endpoints;

/// <summary>Platform webhooks. Anonymous by design: each platform proves itself with its own token or signature.</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/webhooks").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        webhooks.MapGet("/meta", VerifyMetaSubscription);
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
}
