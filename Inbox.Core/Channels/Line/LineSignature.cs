using System.Security.Cryptography;
using System.Text;

namespace Inbox.Core.Channels.Line;

/// <summary>LINE's webhook signature: <c>x-line-signature: base64(HMAC-SHA256(raw body, channel secret))</c>, checked in constant time.</summary>
public static class LineSignature
{
    public static string Sign(ReadOnlySpan<byte> body, string channelSecret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body));

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string? channelSecret)
    {
        if (string.IsNullOrEmpty(channelSecret) || string.IsNullOrEmpty(header) || header.Length > 64)
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[48];
        if (!Convert.TryFromBase64String(header, presented, out var written) || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented[..32]);
    }
}
