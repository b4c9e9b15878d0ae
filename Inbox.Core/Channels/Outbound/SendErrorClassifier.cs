using System.Net.Http;
using System.Text.Json.Nodes;
using Inbox.Core.Conversations;
using Polly.Timeout;

namespace Inbox.Core.Channels.Outbound;

/// <summary>
/// Maps a platform's error answer to what the inbox does about it (docs/platform-rules.md §3). Pure: the
/// same status and body always give the same decision, so every rule is unit-tested.
/// </summary>
public static class SendErrorClassifier
{
    /// <summary>Classifies an answer; null when the platform accepted the message.</summary>
    /// <param name="channel">The platform family decides the error shape: Graph for Meta and WhatsApp, LINE's own otherwise.</param>
    /// <param name="status">HTTP status.</param>
    /// <param name="body">Response body.</param>
    /// <param name="templateName">WhatsApp template replies: named in a template error.</param>
    public static SendError? Classify(ChannelKind channel, int status, string body, string? templateName = null)
    {
        if (status is >= 200 and < 300)
        {
            return null;
        }

        return channel == ChannelKind.Line ? Line(status, body) : Graph(channel, status, body, templateName);
    }

    /// <summary>No answer at all: a timeout or a network failure, both transient.</summary>
    public static SendError FromException(Exception exception) => exception switch
    {
        TimeoutRejectedException or TaskCanceledException => SendError.Transient("timeout", "The platform did not answer in time."),
        HttpRequestException http => SendError.Transient("network", $"The platform could not be reached: {http.Message}"),
        _ => throw new ArgumentException("Only timeouts and network failures are send errors.", nameof(exception), exception),
    };

    private static SendError Graph(ChannelKind channel, int status, string body, string? templateName)
    {
        var error = JsonBodies.Parse(body)?["error"];
        var code = JsonBodies.Int(error?["code"]);
        var subcode = JsonBodies.Int(error?["error_subcode"]);
        var platformSaid = JsonBodies.Text(error?["message"]);
        var said = platformSaid ?? $"HTTP {status}";
        var id = code is null ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : subcode is null ? $"{code}" : $"{code}/{subcode}";
        var platform = channel switch { ChannelKind.WhatsApp => "WhatsApp", ChannelKind.Instagram => "Instagram", _ => "Messenger" };

        if (channel == ChannelKind.WhatsApp && code is { } whatsAppCode && WhatsApp(whatsAppCode, id, said, templateName) is { } whatsApp)
        {
            return whatsApp;
        }

        return (code, subcode) switch
        {
            // Meta, 2026-06-25: the Page itself may not send for a while; a retry or a tag does not help, the admins must act.
            (10, 1893063) => SendError.Final(SendFailure.PageRestricted, id, $"Not delivered: Meta has temporarily restricted this Page from sending messages; an admin must check the Page's status with Meta. ({said})"),
            (10, 2018278 or 2534022) => SendError.Final(SendFailure.WindowClosed, id, $"Not delivered: the {platform} window had closed. ({said})"),
            (100, 2018276) => SendError.Final(SendFailure.HumanAgentNotApproved, id, $"Not delivered: this channel's app lacks Meta's Human Agent approval; an admin must apply for it or turn the setting off. ({said})"),
            (551, _) => SendError.Final(SendFailure.RecipientUnavailable, id, $"Not delivered: the person cannot receive messages right now. ({said})"),
            (190, _) => SendError.Auth(id, $"Meta refused the channel's access token; an admin must enter a new one. Replies wait until then. ({said})"),
            (2 or 130429, _) => SendError.Transient(id, $"{platform} is busy or throttling. ({said})"),
            _ when status >= 500 || status == 429 => SendError.Transient(id, $"{platform} answered HTTP {status}.{Quoted(platformSaid)}"),
            _ => SendError.Final(SendFailure.Rejected, id, $"{platform} refused the message: {said}"),
        };
    }

    /// <summary>
    /// WhatsApp's own refusals, which arrive on the send call or later in <c>statuses[].errors[]</c>: one mapping for
    /// both. Null for a code that is not WhatsApp-specific.
    /// </summary>
    public static SendError? WhatsApp(int code, string id, string said, string? templateName = null) => code switch
    {
        131047 => SendError.Final(SendFailure.WindowClosed, id, $"Not delivered: the WhatsApp 24-hour window had closed; send an approved template instead. ({said})"),
        // Some messages (e.g. authentication templates) cannot be addressed to a BSUID; only the phone number would do.
        131062 => SendError.Final(SendFailure.RecipientUnavailable, id, $"Not delivered: WhatsApp does not accept this message for a customer known only by their username (business-scoped user id), e.g. an authentication template. ({said})"),
        132000 or 132012 => SendError.Final(SendFailure.TemplateRejected, id, $"Not delivered: WhatsApp refused the parameters of template '{templateName ?? "unknown"}'. ({said})"),
        _ => null,
    };

    private static SendError? Line(int status, string body)
    {
        var json = JsonBodies.Parse(body);
        var platformSaid = JsonBodies.Text(json?["message"]);
        var said = platformSaid ?? $"HTTP {status}";
        var details = json?["details"] is JsonArray { Count: > 0 } list
            ? " " + string.Join("; ", list.Select(d => $"{JsonBodies.Text(d?["property"])}: {JsonBodies.Text(d?["message"])}"))
            : "";
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);

        return status switch
        {
            // LINE: a repeated request whose X-Line-Retry-Key was already accepted; the first one went out.
            409 when said.Contains("retry key", StringComparison.OrdinalIgnoreCase) => null,
            429 => Line429(code, said),
            >= 500 => SendError.Transient(code, $"LINE answered HTTP {status}.{Quoted(platformSaid)}"),
            401 => SendError.Auth(code, $"LINE refused the channel's access token; an admin must enter a new one. Replies wait until then. ({said})"),
            _ => SendError.Final(SendFailure.Rejected, code, $"LINE refused the message: {said}{details}"),
        };
    }

    /// <summary>
    /// LINE's HTTP 429 has four causes told apart only by the body's message (LINE, "Handle HTTP status code 429 errors"):
    /// waiting helps for the rate and concurrency limits, not for the month's free messages or the additional-message cap.
    /// </summary>
    private static SendError Line429(string code, string said)
    {
        bool Says(string words) => said.Contains(words, StringComparison.OrdinalIgnoreCase);
        if (Says("additional message"))
        {
            return SendError.Final(SendFailure.QuotaExhausted, code, $"Not delivered: this LINE account has reached the cap it set for additional (paid) messages this month; an admin can raise it in LINE Official Account Manager. ({said})");
        }

        if (Says("monthly limit"))
        {
            return SendError.Final(SendFailure.QuotaExhausted, code, $"Not delivered: this LINE account's free messages for the month are used up; pushes wait for next month or a plan with more. ({said})");
        }

        return Says("concurrent")
            ? SendError.Transient(code, $"LINE refused too many requests at the same time. ({said})")
            : SendError.Transient(code, $"LINE's rate limit was exceeded. ({said})");
    }

    /// <summary>The platform's own words in brackets, or nothing when it gave none (an HTML error page says no more than its status).</summary>
    private static string Quoted(string? platformSaid) => platformSaid is null ? "" : $" ({platformSaid})";
}
