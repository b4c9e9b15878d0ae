using System.Text.RegularExpressions;

namespace Inbox.Core.Channels;

/// <summary>The one rule for channel keys, shared by configuration and the admin editor: they end up in webhook URLs.</summary>
internal static partial class ChannelKeyFormat
{
    public const string Description = "1–64 lower-case letters, digits or dashes, starting with a letter or digit";

    public static bool IsValid(string? key) => key is not null && Pattern().IsMatch(key);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Pattern();
}
