using System.Text;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>
/// Nothing acknowledged disappears: every event of every sample body is recorded, on the documented list of
/// deliberately ignored events (<see cref="IgnoredEvent"/>), or unattributable, which parks its delivery.
/// </summary>
public sealed class WebhookCoverageTests
{
    public static TheoryData<string> HandledSamples() => [.. WebhookSamples.Handled.Keys];

    public static TheoryData<string> UnattributableSamples() => [.. WebhookSamples.Unattributable.Keys];

    [Theory]
    [MemberData(nameof(HandledSamples))]
    public void Parse_HandledSample_EveryEventIsRecordedOrDeliberatelyIgnored(string sample)
    {
        var items = Parse(WebhookSamples.Handled[sample]);

        Assert.NotEmpty(items);
        Assert.All(items, item => Assert.True(
            item is InboundMessage or InboundEcho or InboundComment or InboundStatusUpdate or InboundIdentityChange
                || (item is InboundIgnored ignored && Enum.IsDefined(ignored.Kind)),
            $"{sample}: {item}"));
    }

    [Theory]
    [MemberData(nameof(UnattributableSamples))]
    public void Parse_BrokenSample_IsUnattributedNotIgnored(string sample)
    {
        var items = Parse(WebhookSamples.Unattributable[sample]);

        Assert.Contains(items, item => item is InboundUnattributed);
        Assert.DoesNotContain(items, item => item is InboundIgnored);
    }

    private static List<InboundItem> Parse((string Platform, string Body) sample)
    {
        var body = Encoding.UTF8.GetBytes(sample.Body);
        return sample.Platform == "line"
            ? [.. LineWebhookParser.Parse(body, DateTime.UnixEpoch)]
            : [.. MetaWebhookParser.Parse(body, DateTime.UnixEpoch).Entries.SelectMany(e => e.Items)];
    }
}
