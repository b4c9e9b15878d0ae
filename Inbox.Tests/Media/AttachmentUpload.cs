using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Inbox.Tests.Media;

/// <summary>Files an agent's client attaches, and the multipart call to <c>POST /api/conversations/{id}/attachments</c>.</summary>
public static class AttachmentUpload
{
    /// <summary>The smallest real JPEG header, enough for the content check.</summary>
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8];

    public static readonly byte[] Gif = [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x3B];

    /// <summary>A JPEG of <paramref name="bytes"/> bytes: the header, then padding.</summary>
    public static byte[] JpegOf(int bytes) => [.. Jpeg, .. new byte[bytes - Jpeg.Length]];

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient api, int conversationId, byte[] file, string fileName, string contentType, string? text = null, string? replyType = null)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(content, "file", fileName);
        if (text is not null)
        {
            form.Add(new StringContent(text), "text");
        }

        if (replyType is not null)
        {
            form.Add(new StringContent(replyType), "replyType");
        }

        return await api.PostAsync($"/api/conversations/{conversationId}/attachments", form);
    }

    /// <summary>The problem's detail, after checking the status.</summary>
    public static async Task<string> ProblemAsync(HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("detail").GetString()!;
    }
}
