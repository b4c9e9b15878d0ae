using System.Security.Cryptography;
using System.Text;

namespace Inbox.Core.Channels.Meta;

/// <summary>Meta's webhook subscription handshake: echo <c>hub.challenge</c> only for <c>hub.mode=subscribe</c> and the right verify token.</summary>
public static class MetaSubscription
{
    /// <summary>The challenge to echo, or null when the handshake must be refused.</summary>
    public static string? Answer(string? mode, string? verifyToken, string? challenge, string configuredToken)
    {
        if (mode != "subscribe" || string.IsNullOrEmpty(challenge) || string.IsNullOrEmpty(configuredToken) || verifyToken is null)
        {
            return null;
        }

        var matches = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(verifyToken)), SHA256.HashData(Encoding.UTF8.GetBytes(configuredToken)));
        return matches ? challenge : null;
    }
}
