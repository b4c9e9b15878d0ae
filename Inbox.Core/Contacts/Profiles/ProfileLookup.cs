using Inbox.Core.Channels;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Meta;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Media;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Contacts.Profiles;

/// <summary>
/// Reads a customer's name and picture from their platform: Messenger <c>GET /{psid}?fields=first_name,last_name,profile_pic</c>,
/// Instagram <c>GET /{igsid}?fields=name,username,profile_pic</c>, LINE <c>GET /v2/bot/profile/{userId}</c>
/// (<c>displayName</c>, <c>pictureUrl</c>, <c>language</c>). Instagram Login channels ask the Instagram API with the same fields. WhatsApp sends the profile name with every message and has no lookup.
/// </summary>
public sealed class ProfileLookup(MediaDownloader downloader, IOptions<MetaOptions> meta, IOptions<LineOptions> line)
{
    /// <summary>Whether customers on channels of this kind have a profile to look up.</summary>
    public static bool Supports(ChannelKind kind) => kind is ChannelKind.Messenger or ChannelKind.Instagram or ChannelKind.Line;

    public async Task<(PlatformProfile? Profile, PlatformFetchError? Error)> ReadAsync(Channel channel, string externalId, CancellationToken cancellationToken)
    {
        var id = Uri.EscapeDataString(externalId);
        var graph = meta.Value.ApiBaseFor(channel);
        var url = channel.Kind switch
        {
            ChannelKind.Messenger => $"{graph}/{id}?fields=first_name,last_name,profile_pic",
            ChannelKind.Instagram => $"{graph}/{id}?fields=name,username,profile_pic",
            ChannelKind.Line => $"{line.Value.ApiBaseUrl.TrimEnd('/')}/v2/bot/profile/{id}",
            _ => throw new NotSupportedException($"{channel.Kind} has no profile lookup."),
        };
        var (body, error) = await downloader.GetJsonAsync(url, channel, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        if (body is null)
        {
            return (null, new PlatformFetchError(SendErrorKind.Transient, "The platform's answer was not JSON."));
        }

        string? Text(string field) => JsonBodies.Text(body[field]) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var profile = channel.Kind switch
        {
            ChannelKind.Messenger => new PlatformProfile(
                string.Join(' ', new[] { Text("first_name"), Text("last_name") }.OfType<string>()) is { Length: > 0 } full ? full : null, Text("profile_pic")),
            ChannelKind.Instagram => new PlatformProfile(Text("name") ?? (Text("username") is { } username ? "@" + username : null), Text("profile_pic")),
            _ => new PlatformProfile(Text("displayName"), Text("pictureUrl"), Text("language")),
        };
        return (profile, null);
    }
}
