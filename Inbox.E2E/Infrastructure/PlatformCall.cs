namespace Inbox.E2E.Infrastructure;

/// <summary>One send request <see cref="FakePlatform"/> received.</summary>
/// <param name="Path">Request path, e.g. <c>/v2/bot/message/push</c>.</param>
/// <param name="RetryKey">LINE's <c>X-Line-Retry-Key</c> header, when sent.</param>
/// <param name="Body">The JSON body as sent.</param>
/// <param name="Delivered">Whether this call put a message in front of the customer (a LINE repeat with an accepted key does not).</param>
public sealed record PlatformCall(string Path, string? RetryKey, string Body, bool Delivered);
