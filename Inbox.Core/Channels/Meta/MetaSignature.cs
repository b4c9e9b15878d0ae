using System.Security.Cryptography;
using System.Text;

namespace Inbox.Core.Channels.Meta;

/// <summary>
/// Meta's webhook signature: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256(raw body, app secret)&gt;</c>.
/// Checked over the raw bytes, in constant time, before anything parses the body.
/// </summary>
public static class MetaSignature
{
    private const string Prefix = "sha256=";

    /// <summary>The header value Meta would send for this body.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>True when <paramref name="header"/> is the body's valid signature under <paramref name="appSecret"/>.</summary>
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appSecret)
    {
        if (string.IsNullOrEmpty(appSecret) || header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[32];
        try
        {
            if (Convert.FromHexString(header.AsSpan(Prefix.Length), presented, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
