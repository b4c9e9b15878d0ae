namespace Inbox.Core.Contacts.Profiles;

/// <summary>
/// What a platform says about a customer: the name to show, where their picture is (null when they have none) and,
/// where the platform tells it (LINE's <c>language</c>), their language.
/// </summary>
public sealed record PlatformProfile(string? Name, string? PictureUrl, string? Language = null);
