namespace Inbox.Core.Media;

/// <summary>An open download: the platform's answer to stream from, and the content type it declares; or why there is none.</summary>
public sealed class MediaDownload : IDisposable
{
    private MediaDownload(HttpResponseMessage? response, string? declaredType, PlatformFetchError? error)
    {
        Response = response;
        DeclaredType = declaredType;
        Error = error;
    }

    public HttpResponseMessage? Response { get; }

    public string? DeclaredType { get; }

    public PlatformFetchError? Error { get; }

    public static MediaDownload Of(HttpResponseMessage response, string? declaredType) =>
        new(response, declaredType ?? response.Content.Headers.ContentType?.MediaType, null);

    public static MediaDownload Failed(PlatformFetchError error) => new(null, null, error);

    public void Dispose() => Response?.Dispose();
}
