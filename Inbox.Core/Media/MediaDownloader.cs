using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Inbox.Core.Channels;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;
using Inbox.Core.Channels.Outbound;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Media;

/// <summary>
/// Opens a customer's file at its platform: Messenger and Instagram from the attachment URL; WhatsApp by asking Graph
/// for the media id's short-lived URL (<c>GET /{media-id}</c>) and fetching that with the token; LINE from the data
/// API (<c>GET /v2/bot/message/{id}/content</c>), a sticker from LINE's sticker shop.
/// </summary>
public sealed class MediaDownloader(IHttpClientFactory clients, IOptions<MetaOptions> meta, IOptions<LineOptions> line, IOptions<MediaOptions> options)
{
    /// <summary>The named <see cref="HttpClient"/> for downloads and profile lookups.</summary>
    public const string HttpClientName = "Inbox.Media";

    public async Task<MediaDownload> OpenAsync(Attachment attachment, Channel channel, CancellationToken cancellationToken)
    {
        var source = attachment.Source ?? "";
        try
        {
            return channel.Kind switch
            {
                ChannelKind.WhatsApp => await WhatsAppAsync(source, attachment.MimeType, channel, cancellationToken),
                ChannelKind.Line when attachment.Kind == "sticker" =>
                    await GetAsync($"{line.Value.StickerBaseUrl.TrimEnd('/')}/stickershop/v1/sticker/{Uri.EscapeDataString(source)}/android/sticker.png", null, channel, null, cancellationToken),
                ChannelKind.Line when IsHttps(source) => await GetAsync(source, null, channel, null, cancellationToken),
                ChannelKind.Line => await GetAsync($"{line.Value.DataApiBaseUrl.TrimEnd('/')}/v2/bot/message/{Uri.EscapeDataString(source)}/content", channel.AccessToken, channel, null, cancellationToken),
                _ => await GetAsync(source, null, channel, null, cancellationToken),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return MediaDownload.Failed(PlatformFetchError.FromException(ex));
        }
    }

    /// <summary>Opens a plain link (a profile picture on a CDN), without the channel's token.</summary>
    public async Task<MediaDownload> OpenLinkAsync(string url, Channel channel, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(url, null, channel, null, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return MediaDownload.Failed(PlatformFetchError.FromException(ex));
        }
    }

    /// <summary>A JSON GET with the channel's token (Graph or LINE): the body, or why not.</summary>
    public async Task<(JsonNode? Body, PlatformFetchError? Error)> GetJsonAsync(string url, Channel channel, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", channel.AccessToken ?? "");
            using var response = await Client().SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode
                ? (JsonBodies.Parse(body), null)
                : (null, PlatformFetchError.FromAnswer(channel.Kind, (int)response.StatusCode, body));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, PlatformFetchError.FromException(ex));
        }
    }

    private async Task<MediaDownload> WhatsAppAsync(string mediaId, string? declared, Channel channel, CancellationToken cancellationToken)
    {
        // Graph answers {url, mime_type, sha256, file_size, id}; the URL lasts minutes and needs the same token.
        var (body, error) = await GetJsonAsync($"{meta.Value.GraphApiBaseUrl.TrimEnd('/')}/{Uri.EscapeDataString(mediaId)}", channel, cancellationToken);
        if (error is not null)
        {
            return MediaDownload.Failed(error);
        }

        if (body?["file_size"] is JsonValue size && size.TryGetValue<long>(out var bytes) && bytes > options.Value.MaxBytes)
        {
            return MediaDownload.Failed(new PlatformFetchError(SendErrorKind.Final, $"The file is larger than the {MediaStore.Megabytes(options.Value.MaxBytes)} limit."));
        }

        if (JsonBodies.Text(body?["url"]) is not { } url)
        {
            return MediaDownload.Failed(new PlatformFetchError(SendErrorKind.Transient, "WhatsApp gave no download URL for this media id."));
        }

        return await GetAsync(url, channel.AccessToken, channel, JsonBodies.Text(body?["mime_type"]) ?? declared, cancellationToken);
    }

    private async Task<MediaDownload> GetAsync(string url, string? token, Channel channel, string? declared, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return MediaDownload.Failed(new PlatformFetchError(SendErrorKind.Final, "The platform gave no usable link to the file."));
        }

        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await Client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return MediaDownload.Of(response, declared);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return MediaDownload.Failed(PlatformFetchError.FromAnswer(channel.Kind, (int)response.StatusCode, body));
        }
    }

    private HttpClient Client() => clients.CreateClient(HttpClientName);

    private static bool IsHttps(string source) => source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
