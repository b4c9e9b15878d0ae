using System.Text;
using Inbox.Core.Channels.Line;

namespace Inbox.Tests.Channels;

public class LineSignatureTests
{
    private const string Secret = "line-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"destination\":\"U1\",\"events\":[]}");

    [Fact]
    public void Sign_KnownBody_MatchesOpenSslHmac()
    {
        // printf '{"destination":"U1","events":[]}' | openssl dgst -sha256 -hmac line-secret -binary | base64
        Assert.Equal(ExpectedBase64, LineSignature.Sign(Body, Secret));
        Assert.True(LineSignature.IsValid(Body, ExpectedBase64, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void IsValid_MissingOrWrongHeader_Refused(string? header)
    {
        Assert.False(LineSignature.IsValid(Body, header, Secret));
    }

    [Fact]
    public void IsValid_OtherSecretOrChangedBody_Refused()
    {
        Assert.False(LineSignature.IsValid(Body, LineSignature.Sign(Body, "other"), Secret));
        Assert.False(LineSignature.IsValid(Encoding.UTF8.GetBytes("{\"events\":[]}"), ExpectedBase64, Secret));
        Assert.False(LineSignature.IsValid(Body, ExpectedBase64, channelSecret: null));
    }

    private const string ExpectedBase64 = "DNgBQGS2AI7VpoEPQMFYfWsYi/gETypDxeTCyTwVEBY=";
}
