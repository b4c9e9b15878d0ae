namespace Inbox.Core.Contacts.Profiles;

/// <summary>What a platform says about a customer: the name to show and where their picture is (null when they have none).</summary>
public sealed record PlatformProfile(string? Name, string? PictureUrl);
