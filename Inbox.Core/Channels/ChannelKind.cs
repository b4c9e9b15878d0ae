using System.Text.Json.Serialization;

namespace Inbox.Core.Channels;

/// <summary>The messaging platform a channel is connected to.</summary>
public enum ChannelKind
{
    Messenger,
    Instagram,
    [JsonStringEnumMemberName("whatsapp")]
    WhatsApp,
    Line,
}
