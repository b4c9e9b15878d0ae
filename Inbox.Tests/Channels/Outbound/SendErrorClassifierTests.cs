using System.Net.Http;
using Inbox.Core.Channels;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Polly.Timeout;

namespace Inbox.Tests.Channels.Outbound;

public sealed class SendErrorClassifierTests
{
    private static string Graph(int code, int? subcode = null, string message = "platform says no") =>
        subcode is null
            ? $$$"""{"error":{"message":"{{{message}}}","type":"OAuthException","code":{{{code}}},"fbtrace_id":"A1"}}"""
            : $$$"""{"error":{"message":"{{{message}}}","type":"OAuthException","code":{{{code}}},"error_subcode":{{{subcode}}},"fbtrace_id":"A1"}}""";

    public static TheoryData<ChannelKind, int, string, SendErrorKind, SendFailure?, string> Table() => new()
    {
        { ChannelKind.Messenger, 400, Graph(10, 2018278), SendErrorKind.Final, SendFailure.WindowClosed, "10/2018278" },
        { ChannelKind.Instagram, 400, Graph(10, 2534022), SendErrorKind.Final, SendFailure.WindowClosed, "10/2534022" },
        { ChannelKind.Messenger, 400, Graph(100, 2018276), SendErrorKind.Final, SendFailure.HumanAgentNotApproved, "100/2018276" },
        { ChannelKind.Messenger, 400, Graph(551), SendErrorKind.Final, SendFailure.RecipientUnavailable, "551" },
        { ChannelKind.Messenger, 401, Graph(190, 463), SendErrorKind.Auth, null, "190/463" },
        { ChannelKind.WhatsApp, 401, Graph(190), SendErrorKind.Auth, null, "190" },
        { ChannelKind.Messenger, 500, Graph(2), SendErrorKind.Transient, null, "2" },
        { ChannelKind.Messenger, 503, "<html>Service Unavailable</html>", SendErrorKind.Transient, null, "503" },
        { ChannelKind.WhatsApp, 400, Graph(130429), SendErrorKind.Transient, null, "130429" },
        { ChannelKind.WhatsApp, 400, Graph(131047), SendErrorKind.Final, SendFailure.WindowClosed, "131047" },
        { ChannelKind.WhatsApp, 400, Graph(132000), SendErrorKind.Final, SendFailure.TemplateRejected, "132000" },
        { ChannelKind.WhatsApp, 400, Graph(132012), SendErrorKind.Final, SendFailure.TemplateRejected, "132012" },
        { ChannelKind.Messenger, 400, Graph(100, 2018001), SendErrorKind.Final, SendFailure.Rejected, "100/2018001" },
        { ChannelKind.Messenger, 400, Graph(10, 1893063), SendErrorKind.Final, SendFailure.PageRestricted, "10/1893063" },
        { ChannelKind.Instagram, 400, Graph(10, 1893063), SendErrorKind.Final, SendFailure.PageRestricted, "10/1893063" },
        { ChannelKind.Line, 429, """{"message":"You have reached your monthly limit."}""", SendErrorKind.Final, SendFailure.QuotaExhausted, "429" },
        { ChannelKind.Line, 429, """{"message":"You have exceeded the target limit for additional messages this month."}""", SendErrorKind.Final, SendFailure.QuotaExhausted, "429" },
        { ChannelKind.Line, 429, """{"message":"The API rate limit has been exceeded. Try again later."}""", SendErrorKind.Transient, null, "429" },
        { ChannelKind.Line, 429, """{"message":"The number of concurrent requests exceeds the limit. Try again later."}""", SendErrorKind.Transient, null, "429" },
        { ChannelKind.Line, 429, """{"message":"Too Many Requests"}""", SendErrorKind.Transient, null, "429" },
        { ChannelKind.Line, 500, """{"message":"Internal error"}""", SendErrorKind.Transient, null, "500" },
        { ChannelKind.Line, 401, """{"message":"Authentication failed. Confirm that the access token in the authorization header is valid."}""", SendErrorKind.Auth, null, "401" },
        { ChannelKind.Line, 400, """{"message":"The request body has 1 error(s)","details":[{"message":"May not be empty","property":"messages[0].text"}]}""", SendErrorKind.Final, SendFailure.Rejected, "400" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Classify_PlatformError_MapsToKindFailureAndCode(ChannelKind channel, int status, string body, SendErrorKind kind, SendFailure? failure, string code)
    {
        var error = SendErrorClassifier.Classify(channel, status, body);

        Assert.NotNull(error);
        Assert.Equal((kind, failure, code), (error.Kind, error.Failure, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData(ChannelKind.Messenger, 200, """{"recipient_id":"1","message_id":"m_1"}""")]
    [InlineData(ChannelKind.Line, 409, """{"message":"The retry key is already accepted"}""")]
    public void Classify_AcceptedAnswer_ReturnsNull(ChannelKind channel, int status, string body) =>
        Assert.Null(SendErrorClassifier.Classify(channel, status, body));

    [Fact]
    public void Classify_GraphError_KeepsThePlatformsWordsForTheAgent()
    {
        var error = SendErrorClassifier.Classify(ChannelKind.Messenger, 400, Graph(10, 2018278, "(#10) This message is sent outside of allowed window."));

        Assert.Contains("window had closed", error!.Message);
        Assert.Contains("(#10) This message is sent outside of allowed window.", error.Message);
    }

    [Fact]
    public void Classify_TemplateRejected_NamesTheTemplate()
    {
        var error = SendErrorClassifier.Classify(ChannelKind.WhatsApp, 400, Graph(132000), templateName: "order_update");

        Assert.Contains("'order_update'", error!.Message);
    }

    [Fact]
    public void Classify_LineValidationError_ListsTheDetails()
    {
        var error = SendErrorClassifier.Classify(ChannelKind.Line, 400, """{"message":"The request body has 1 error(s)","details":[{"message":"May not be empty","property":"messages[0].text"}]}""");

        Assert.Contains("messages[0].text: May not be empty", error!.Message);
    }

    [Theory]
    [InlineData(ChannelKind.Messenger, 503, "<html>Service Unavailable</html>", "Messenger answered HTTP 503.")]
    [InlineData(ChannelKind.WhatsApp, 500, """{"error":{"message":"Internal error","code":1}}""", "WhatsApp answered HTTP 500. (Internal error)")]
    [InlineData(ChannelKind.Messenger, 500, """{"error":{"message":"Please try later","code":2}}""", "Messenger is busy or throttling. (Please try later)")]
    [InlineData(ChannelKind.Line, 500, """{"message":"Internal error"}""", "LINE answered HTTP 500. (Internal error)")]
    [InlineData(ChannelKind.Line, 502, "Bad Gateway", "LINE answered HTTP 502.")]
    public void Classify_TransientError_SaysWhatHappenedWithoutPromisingARetry(ChannelKind channel, int status, string body, string expected)
    {
        // The same text is shown while the sender retries and after the last attempt, so it must hold in both.
        var error = SendErrorClassifier.Classify(channel, status, body);

        Assert.Equal((SendErrorKind.Transient, expected), (error!.Kind, error.Message));
    }

    [Theory]
    [InlineData("The API rate limit has been exceeded. Try again later.", "LINE's rate limit was exceeded.")]
    [InlineData("The number of concurrent requests exceeds the limit. Try again later.", "LINE refused too many requests at the same time.")]
    [InlineData("You have reached your monthly limit.", "Not delivered: this LINE account's free messages for the month are used up")]
    [InlineData("You have exceeded the target limit for additional messages this month.", "Not delivered: this LINE account has reached the cap it set for additional (paid) messages")]
    public void Classify_Line429_EachCauseHasItsOwnText(string lineSays, string expected)
    {
        var error = SendErrorClassifier.Classify(ChannelKind.Line, 429, $$"""{"message":"{{lineSays}}"}""");

        Assert.StartsWith(expected, error!.Message);
        Assert.EndsWith($"({lineSays})", error.Message);
    }

    [Fact]
    public void FromException_TimeoutOrNetwork_IsTransient()
    {
        Assert.Equal(("timeout", SendErrorKind.Transient), Pair(SendErrorClassifier.FromException(new TimeoutRejectedException())));
        Assert.Equal(("network", SendErrorKind.Transient), Pair(SendErrorClassifier.FromException(new HttpRequestException("Connection refused"))));
    }

    private static (string, SendErrorKind) Pair(SendError error) => (error.Code, error.Kind);
}
