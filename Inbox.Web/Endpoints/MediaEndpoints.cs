using Inbox.Core.Identity;
using Inbox.Core.Media;
using Inbox.Core.Routing;
using Microsoft.Net.Http.Headers;

namespace Inbox.Web.Endpoints;

/// <summary>
/// <c>/media/{id}</c> and <c>/media/avatars/{contactId}</c>: customers' files and pictures, to signed-in users and API
/// keys only. Each answer carries the checked content type, <c>nosniff</c> and a sandboxing CSP; anything that is not a
/// picture, video or audio clip comes as a download (<c>Content-Disposition: attachment</c>), never rendered as a page.
/// <c>/media/public/{id}?exp=…&amp;sig=…</c> serves a file the business sent to whoever holds its signed, expiring link.
/// </summary>
public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/media").RequireAuthorization(Policies.Realtime).ExcludeFromDescription();
        // No route constraints: a malformed id is refused to anonymous callers like any other, then not found.
        media.MapGet("/{id}", async (string id, MediaLibrary library, ConversationScopes scopes, HttpContext http, CancellationToken cancellationToken) =>
        {
            // A file of a conversation outside the caller's teams is as unknown as one that does not exist.
            var visible = long.TryParse(id, out var attachmentId)
                && await scopes.AllowsAttachmentAsync(await scopes.ForAsync(http.User, cancellationToken), attachmentId, cancellationToken);
            return Serve(http, visible ? await library.OpenAttachmentAsync(attachmentId, cancellationToken) : null);
        });
        // A file an agent sent, for the platform that fetches it by URL (LINE): anonymous, but only with a valid, unexpired signature.
        app.MapGet("/media/public/{id}", async (string id, string? exp, string? sig, PublicMediaLinks links, MediaLibrary library, HttpContext http, CancellationToken cancellationToken) =>
            long.TryParse(id, out var attachmentId) && links.Verify(attachmentId, exp, sig)
                ? Serve(http, await library.OpenAttachmentAsync(attachmentId, cancellationToken, sentOnly: true))
                : Results.StatusCode(StatusCodes.Status403Forbidden)).AllowAnonymous().ExcludeFromDescription();
        media.MapGet("/avatars/{contactId}", async (string contactId, MediaLibrary library, HttpContext http, CancellationToken cancellationToken) =>
            Serve(http, int.TryParse(contactId, out var id) ? await library.OpenAvatarAsync(id, cancellationToken) : null));
        return app;
    }

    private static IResult Serve(HttpContext http, MediaFile? file)
    {
        if (file is null)
        {
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; media-src 'self'; img-src 'self'; sandbox";
        headers[HeaderNames.CacheControl] = "private, max-age=3600";
        if (file.Inline)
        {
            var disposition = new ContentDispositionHeaderValue("inline");
            if (file.DownloadName is { } name)
            {
                disposition.SetHttpFileName(name);
            }

            headers[HeaderNames.ContentDisposition] = disposition.ToString();
            return Results.Stream(file.Content, file.MimeType, enableRangeProcessing: true);
        }

        return Results.File(file.Content, file.MimeType, file.DownloadName, enableRangeProcessing: true);
    }
}
