using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Media;

/// <summary>
/// Links a platform can fetch a file the business sent from, without signing in: <c>/media/public/{id}?exp=…&amp;sig=…</c>
/// under <see cref="PublicLinkOptions.PublicBaseUrl"/>. The signature is Data Protection's (the app's own key ring) over the
/// id and the expiry, so a link cannot be guessed, altered or extended; it serves only files agents sent, never a customer's.
/// </summary>
public sealed class PublicMediaLinks(IDataProtectionProvider protection, IOptions<PublicLinkOptions> links, IOptions<MediaOptions> media, TimeProvider time)
{
    private readonly IDataProtector protector = protection.CreateProtector("Inbox.Media.PublicLinks");

    /// <summary>Whether <c>Inbox:PublicBaseUrl</c> is set, so platforms that fetch by URL (LINE) can be sent files.</summary>
    public bool Enabled => links.Value.Enabled;

    /// <summary>The public link to an attachment, valid for <see cref="MediaOptions.PublicLinkLifetime"/>; null without a public address.</summary>
    public string? For(long attachmentId)
    {
        if (!Enabled)
        {
            return null;
        }

        var expires = (time.GetUtcNow() + media.Value.PublicLinkLifetime).ToUnixTimeSeconds();
        var signature = WebEncoders.Base64UrlEncode(protector.Protect(Payload(attachmentId, expires)));
        return $"{links.Value.PublicBaseUrl.TrimEnd('/')}/media/public/{attachmentId}?exp={expires}&sig={signature}";
    }

    /// <summary>True when <paramref name="signature"/> was made by <see cref="For"/> for this id and expiry, and it has not expired.</summary>
    public bool Verify(long attachmentId, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var exp) || string.IsNullOrEmpty(signature)
            || exp <= time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        try
        {
            var signed = protector.Unprotect(WebEncoders.Base64UrlDecode(signature));
            return CryptographicOperations.FixedTimeEquals(signed, Payload(attachmentId, exp));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }
    }

    private static byte[] Payload(long attachmentId, long expires) => Encoding.ASCII.GetBytes($"{attachmentId}.{expires}");
}
