namespace Inbox.Core.Identity;

/// <summary>
/// The first admin of a real deployment (<c>Inbox:Admin</c>): created at start-up when the database has
/// no users yet, so a fresh install without demo data can still be signed into.
/// </summary>
public sealed class AdminBootstrapOptions
{
    public const string Section = "Inbox:Admin";

    public string Email { get; set; } = "";

    public string Password { get; set; } = "";
}
