using System.Diagnostics;
using System.Globalization;
using System.Text;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;

namespace Inbox.Bench;

/// <summary>One webhook to post, signed, with its kind and, for sampled Messenger messages, the probe mid.</summary>
internal sealed record Post(string Path, byte[] Body, string Header, string Signature, string Kind, string? ProbeMid);

/// <summary>
/// The ingest benchmark's traffic, signed like the platforms sign it: new Messenger messages 50 %, WhatsApp messages
/// 20 %, WhatsApp statuses 15 %, LINE messages 10 %, redeliveries of already acknowledged bodies (same bytes, same
/// signature) 5 %. Customers come from a pool of 2,000 per channel, so conversations both start and continue. Every
/// <c>sampleEvery</c>-th new Messenger message is a fan-out probe with a recognisable mid.
/// </summary>
internal sealed class Traffic(int sampleEvery)
{
    private const int Customers = 2000;
    private readonly Post[] recent = new Post[4096];
    private readonly Dictionary<string, long> counts = [];
    private long sequence;
    private long recentCount;

    /// <summary>Sampled mid → Stopwatch timestamp at which its POST started (acknowledged ones only).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, long> Probes { get; } = new();

    public Post Next(Random random)
    {
        var n = Interlocked.Increment(ref sequence);
        var roll = random.Next(100);
        var post = roll switch
        {
            < 50 => Messenger(random, n),
            < 70 => WhatsAppMessage(random, n),
            < 85 => WhatsAppStatus(random, n),
            < 95 => Line(random, n),
            _ => Redelivery(random) ?? Messenger(random, n),
        };
        lock (counts)
        {
            counts[post.Kind] = counts.GetValueOrDefault(post.Kind) + 1;
        }

        return post;
    }

    public void Acknowledged(Post post, long started)
    {
        if (post.ProbeMid is not null)
        {
            Probes.TryAdd(post.ProbeMid, started);
        }

        if (post.Kind != "redelivery")
        {
            var slot = Interlocked.Increment(ref recentCount) % recent.Length;
            Volatile.Write(ref recent[slot], post with { Kind = "redelivery", ProbeMid = null });
        }
    }

    public string Describe()
    {
        lock (counts)
        {
            var total = (double)counts.Values.Sum();
            return string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value / total:P0}"));
        }
    }

    private Post? Redelivery(Random random)
    {
        var available = Math.Min(Volatile.Read(ref recentCount), recent.Length);
        return available == 0 ? null : Volatile.Read(ref recent[random.NextInt64(1, available + 1) % recent.Length]);
    }

    private Post Messenger(Random random, long n)
    {
        var probe = sampleEvery > 0 && n % sampleEvery == 0;
        var mid = (probe ? IngestBenchmark.ProbePrefix : "m_BENCH") + n.ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N");
        var ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var psid = "2600000" + random.Next(Customers).ToString("D6", CultureInfo.InvariantCulture);
        var body = $$$"""{"object":"page","entry":[{"id":"{{{IngestBenchmark.PageId}}}","time":{{{ms}}},"messaging":[{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{IngestBenchmark.PageId}}}"},"timestamp":{{{ms}}},"message":{"mid":"{{{mid}}}","text":"Hello, is my order {{{n}}} on its way? It was due yesterday."}}]}]}""";
        return Meta(body, "messenger", probe ? mid : null);
    }

    private static Post WhatsAppMessage(Random random, long n)
    {
        var waId = "6681" + random.Next(Customers).ToString("D7", CultureInfo.InvariantCulture);
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = $$$"""{"object":"whatsapp_business_account","entry":[{"id":"bench-waba","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000000","phone_number_id":"{{{IngestBenchmark.PhoneNumberId}}}"},"contacts":[{"profile":{"name":"Customer {{{waId}}}"},"wa_id":"{{{waId}}}"}],"messages":[{"from":"{{{waId}}}","id":"wamid.BENCH{{{n}}}{{{Guid.NewGuid():N}}}","timestamp":"{{{seconds}}}","type":"text","text":{"body":"Can I change the delivery address for order {{{n}}}?"}}]}}]}]}""";
        return Meta(body, "whatsapp", null);
    }

    /// <summary>A status callback for an outbound message this app never sent: the processor looks it up and finds nothing.</summary>
    private static Post WhatsAppStatus(Random random, long n)
    {
        var waId = "6681" + random.Next(Customers).ToString("D7", CultureInfo.InvariantCulture);
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var status = (n % 3) switch { 0 => "sent", 1 => "delivered", _ => "read" };
        var body = $$$"""{"object":"whatsapp_business_account","entry":[{"id":"bench-waba","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000000","phone_number_id":"{{{IngestBenchmark.PhoneNumberId}}}"},"statuses":[{"id":"wamid.OUT{{{n}}}","status":"{{{status}}}","timestamp":"{{{seconds}}}","recipient_id":"{{{waId}}}"}]}}]}]}""";
        return Meta(body, "whatsapp-status", null);
    }

    private static Post Line(Random random, long n)
    {
        var ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var userId = "U" + random.Next(Customers).ToString("D32", CultureInfo.InvariantCulture);
        var id = Guid.NewGuid().ToString("N");
        var body = Encoding.UTF8.GetBytes($$$"""{"destination":"{{{IngestBenchmark.LineDestination}}}","events":[{"type":"message","mode":"active","timestamp":{{{ms}}},"source":{"type":"user","userId":"{{{userId}}}"},"webhookEventId":"BENCH{{{id}}}","deliveryContext":{"isRedelivery":false},"replyToken":"{{{id}}}","message":{"id":"{{{ms}}}{{{n}}}","type":"text","text":"Is the shop open on Sunday?"}}]}""");
        return new Post($"/webhooks/line/{IngestBenchmark.LineKey}", body, "x-line-signature", LineSignature.Sign(body, IngestBenchmark.LineSecret), "line", null);
    }

    private static Post Meta(string json, string kind, string? probeMid)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return new Post("/webhooks/meta", body, "X-Hub-Signature-256", MetaSignature.Sign(body, IngestBenchmark.AppSecret), kind, probeMid);
    }
}
