using System.Text;
using Inbox.Core.Channels.Meta;

namespace Inbox.Tests.Channels;

public class MetaSignatureTests
{
    private const string Secret = "app-secret-123";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"object\":\"page\",\"entry\":[]}");

    [Fact]
    public void IsValid_SignatureOfExactBody_Accepted()
    {
        Assert.True(MetaSignature.IsValid(Body, MetaSignature.Sign(Body, Secret), Secret));
        Assert.True(MetaSignature.IsValid(Body, MetaSignature.Sign(Body, Secret).ToUpperInvariant().Replace("SHA256=", "sha256="), Secret));
    }

    [Fact]
    public void Sign_KnownBody_MatchesOpenSslHmac()
    {
        Assert.Equal("sha256=" + ExpectedHex, MetaSignature.Sign(Body, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=abc")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public void IsValid_MissingOrMalformedOrWrongHeader_Refused(string? header)
    {
        Assert.False(MetaSignature.IsValid(Body, header, Secret));
    }

    [Fact]
    public void IsValid_BodyAlteredAfterSigning_Refused()
    {
        var header = MetaSignature.Sign(Body, Secret);
        var altered = Encoding.UTF8.GetBytes("{\"object\":\"page\",\"entry\":[{}]}");

        Assert.False(MetaSignature.IsValid(altered, header, Secret));
    }

    [Fact]
    public void IsValid_NoAppSecretConfigured_RefusesEverything()
    {
        Assert.False(MetaSignature.IsValid(Body, MetaSignature.Sign(Body, ""), ""));
    }

    [Theory]
    [InlineData("subscribe", "tok", "12345", "tok", "12345")]
    [InlineData("subscribe", "wrong", "12345", "tok", null)]
    [InlineData("unsubscribe", "tok", "12345", "tok", null)]
    [InlineData("subscribe", "tok", "", "tok", null)]
    [InlineData("subscribe", "", "12345", "", null)]
    [InlineData("subscribe", null, "12345", "tok", null)]
    public void Answer_Handshake_EchoesChallengeOnlyForMatchingToken(string? mode, string? token, string? challenge, string configured, string? expected)
    {
        Assert.Equal(expected, MetaSubscription.Answer(mode, token, challenge, configured));
    }

    // printf '%s' '{"object":"page","entry":[]}' | openssl dgst -sha256 -hmac app-secret-123
    private const string ExpectedHex = "045d425314376ceef02357beda9d40971b523021cc4baad4e55bde33d2691f03";
}
