namespace Inbox.Testing;

/// <summary>A scripted answer of the fake platform, in the shape the real one uses.</summary>
/// <param name="ContentType">The answer's content type: JSON unless it is a file.</param>
/// <param name="Bytes">A file's bytes (a CDN, WhatsApp's media URL, LINE's content API), sent instead of <paramref name="Body"/>.</param>
public sealed record FakeResponse(int Status, string Body, string ContentType = "application/json", byte[]? Bytes = null)
{
    public static FakeResponse Ok(string json) => new(200, json);

    /// <summary>A file as a CDN or a platform's content API serves it.</summary>
    public static FakeResponse File(byte[] bytes, string contentType) => new(200, "", contentType, bytes);

    /// <summary>Messenger/Instagram Send API success.</summary>
    public static FakeResponse SendApiOk(string messageId) => Ok($$$"""{"recipient_id":"psid","message_id":"{{{messageId}}}"}""");

    /// <summary>WhatsApp Cloud API success.</summary>
    public static FakeResponse WhatsAppOk(string wamid) =>
        Ok($$$"""{"messaging_product":"whatsapp","contacts":[{"input":"x","wa_id":"x"}],"messages":[{"id":"{{{wamid}}}"}]}""");

    /// <summary>LINE reply or push success.</summary>
    public static FakeResponse LineOk(string id) => Ok($$$"""{"sentMessages":[{"id":"{{{id}}}","quoteToken":"q-{{{id}}}"}]}""");

    /// <summary>A Graph error body, <c>{"error":{"message","type","code","error_subcode","fbtrace_id"}}</c>.</summary>
    public static FakeResponse GraphError(int status, int code, int? subcode, string message)
    {
        var sub = subcode is null ? "" : $",\"error_subcode\":{subcode}";
        return new(status, $$$"""{"error":{"message":"{{{message}}}","type":"OAuthException","code":{{{code}}}{{{sub}}},"fbtrace_id":"AbCdEf"}}""");
    }

    /// <summary>The connection is cut before any answer (a crashed proxy, a reset): no status, no body.</summary>
    public static FakeResponse Drop { get; } = new(-1, "");

    /// <summary>No answer at all until the caller gives up (a timeout on our side).</summary>
    public static FakeResponse Stall { get; } = new(-2, "");

    /// <summary>LINE's answer to a push whose retry key it already accepted: 409, with the first request's message ids.</summary>
    public static FakeResponse LineRetryKeyAccepted(string firstId) =>
        new(409, $$$"""{"message":"The retry key is already accepted","sentMessages":[{"id":"{{{firstId}}}","quoteToken":"q"}]}""");

    /// <summary>A LINE error body, <c>{"message"}</c>.</summary>
    public static FakeResponse LineError(int status, string message) => new(status, $$$"""{"message":"{{{message}}}"}""");
}
