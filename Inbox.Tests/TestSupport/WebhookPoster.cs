using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;

namespace Inbox.Tests.TestSupport;

/// <summary>Posts webhook bodies to the app the way the platforms do: raw bytes, signed with the right secret.</summary>
public sealed class WebhookPoster(HttpClient client, string appSecret)
{
    public Task<HttpResponseMessage> MetaAsync(object payload) => MetaRawAsync(JsonSerializer.Serialize(payload));

    public Task<HttpResponseMessage> MetaRawAsync(string body, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return PostAsync("/webhooks/meta", bytes, "X-Hub-Signature-256", signature ?? MetaSignature.Sign(bytes, appSecret));
    }

    public Task<HttpResponseMessage> LineAsync(string channelKey, string channelSecret, object payload) =>
        LineRawAsync(channelKey, JsonSerializer.Serialize(payload), channelSecret);

    public Task<HttpResponseMessage> LineRawAsync(string channelKey, string body, string channelSecret, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return PostAsync($"/webhooks/line/{channelKey}", bytes, "x-line-signature", signature ?? LineSignature.Sign(bytes, channelSecret));
    }

    private Task<HttpResponseMessage> PostAsync(string path, byte[] body, string header, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(header, signature);
        }

        return client.SendAsync(request);
    }
}
