using Inbox.Core.Channels;

namespace Inbox.Web.Endpoints.Contracts;

public sealed record ChannelRef(string Key, ChannelKind Kind);
