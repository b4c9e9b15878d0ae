using System.Net;
using System.Text;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;
using Inbox.Tests.Channels.Inbound;

namespace Inbox.Tests.Security;

/// <summary>Garbage, tricks and oversize bodies at both webhook endpoints: a clear 4xx, nothing stored, the server still healthy.</summary>
public sealed class HostileWebhookTests : WebhookTestBase
{
    public static TheoryData<string, string> SignedGarbage() => new()
    {
        { "truncated JSON", """{"object":"page","entry":[{"id":"1040000000001","messaging":[{"sender":""" },
        { "wrong top-level type", "\"page\"" },
        { "entry is not an array", """{"object":"page","entry":{"id":"1040000000001"}}""" },
        { "object is a number", """{"object":7,"entry":[]}""" },
        { "deeply nested", new string('[', 5000) + new string(']', 5000) },
        { "empty body", "" },
        { "trailing garbage", """{"object":"page","entry":[]} trailing""" },
    };

    [Theory]
    [MemberData(nameof(SignedGarbage))]
    public async Task Meta_SignedGarbage_Returns400AndStoresNothing(string what, string body)
    {
        var response = await Webhooks.MetaRawAsync(body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await DeliveriesStoredAsync());
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task Meta_NonUtf8Bytes_Returns400AndStoresNothing()
    {
        var bytes = new byte[] { 0x7B, 0x22, 0x6F, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/meta") { Content = new ByteArrayContent(bytes) };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", MetaSignature.Sign(bytes, AppSecret));

        var response = await App.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await DeliveriesStoredAsync());
    }

    [Fact]
    public async Task Meta_ReplayedSignatureOnAlteredBody_Returns401()
    {
        var original = $$$"""{"object":"page","entry":[{"id":"{{{PageId}}}","time":1,"messaging":[]}]}""";
        var signature = MetaSignature.Sign(Encoding.UTF8.GetBytes(original), AppSecret);
        var altered = original.Replace("\"time\":1", "\"time\":2");

        var response = await Webhooks.MetaRawAsync(altered, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await DeliveriesStoredAsync());
    }

    [Fact]
    public async Task BothEndpoints_BodyOverTheLimit_Return413AndStoreNothing()
    {
        var huge = "{\"object\":\"page\",\"entry\":[],\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        var meta = await Webhooks.MetaRawAsync(huge);
        var line = await Webhooks.LineRawAsync(LineKey, huge, LineSecret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, meta.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, line.StatusCode);
        Assert.Equal(0, await DeliveriesStoredAsync());
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task Fuzz_RandomBytesAndMutatedPayloads_AreAllRefusedWith4xx()
    {
        // Seeded, so a failure is reproducible: random bytes, and valid payloads with bytes flipped, cut or duplicated.
        var random = new Random(20261121);
        var valid = Encoding.UTF8.GetBytes($$$"""
            {"object":"page","entry":[{"id":"{{{PageId}}}","time":1,"messaging":[{"sender":{"id":"61"},"recipient":{"id":"{{{PageId}}}"},"timestamp":1,"message":{"mid":"m_1","text":"hi"}}]}]}
            """);
        for (var i = 0; i < 60; i++)
        {
            var body = (i % 3) switch
            {
                0 => RandomBytes(random, random.Next(0, 400)),
                1 => Mutate(random, valid),
                _ => valid[..random.Next(0, valid.Length - 1)],
            };
            var signed = random.Next(2) == 0;

            var meta = await PostAsync("/webhooks/meta", body, "X-Hub-Signature-256", signed ? MetaSignature.Sign(body, AppSecret) : "sha256=00");
            var line = await PostAsync($"/webhooks/line/{LineKey}", body, "x-line-signature", signed ? LineSignature.Sign(body, LineSecret) : "AA==");

            Assert.InRange((int)meta.StatusCode, 200, 499);
            Assert.InRange((int)line.StatusCode, 200, 499);
            if (!signed)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, meta.StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, line.StatusCode);
            }
        }

        // A mutated but still well-formed payload may legitimately be accepted; processing it must not crash either.
        await ProcessAsync();
        await AssertHealthyAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body, string header, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation(header, signature);
        return await App.CreateClient().SendAsync(request);
    }

    private async Task AssertHealthyAsync()
    {
        var response = await App.ApiClient().GetAsync("/api/conversations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = (byte[])valid.Clone();
        for (var flips = random.Next(1, 6); flips > 0; flips--)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        return bytes;
    }
}
