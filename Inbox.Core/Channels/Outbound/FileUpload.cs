using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Inbox.Core.Conversations;
using Inbox.Core.Media;

namespace Inbox.Core.Channels.Outbound;

/// <summary>The multipart/form-data body of a file upload to a platform: its fields, then the file read from the media folder.</summary>
public static class FileUpload
{
    /// <summary>A body maker for <see cref="PlatformRequest.Upload"/>: <paramref name="fields"/> as text parts, the file under <paramref name="filePart"/>.</summary>
    public static Func<HttpContent> Form(MediaStore store, Attachment file, JsonObject fields, string filePart) => () =>
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            // Graph reads JSON-valued fields (recipient, message) from their text.
            var text = value is JsonValue plain && plain.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
            form.Add(new StringContent(text), name);
        }

        var content = new StreamContent(store.Open(file.StoredAs) ?? throw new FileNotFoundException("The file is no longer in the media folder.", file.StoredAs));
        content.Headers.ContentType = new MediaTypeHeaderValue(file.MimeType!);
        form.Add(content, filePart, file.FileName ?? $"{file.Kind}{MediaTypes.Extension(file.MimeType!)}");
        return form;
    };

    /// <summary>The refusal when the file to send has gone from the media folder (deleted by hand, a lost volume).</summary>
    public static SendOutcome Missing() =>
        SendOutcome.Refused(SendError.Final(SendFailure.Rejected, "file-missing", "The attached file is no longer in the inbox's media folder, so it was not sent."), 0);
}
