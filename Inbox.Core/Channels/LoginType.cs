namespace Inbox.Core.Channels;

/// <summary>
/// How an Instagram channel is connected (docs/platform-rules.md §4b): through a Facebook Page (Facebook Login, Graph at
/// <c>graph.facebook.com</c>) or directly (Instagram Login, <c>graph.instagram.com</c>, an Instagram user token that
/// expires unless refreshed, webhooks signed with the Instagram app secret). Other platforms are always <see cref="Facebook"/>.
/// </summary>
public enum LoginType
{
    Facebook,
    Instagram,
}
