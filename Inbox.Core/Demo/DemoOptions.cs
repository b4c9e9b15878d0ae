namespace Inbox.Core.Demo;

/// <summary>Demo mode (<c>Inbox:Demo</c>): seeds channels, conversations and one login per role into an empty database.</summary>
public sealed class DemoOptions
{
    public const string Section = "Inbox:Demo";

    public bool Enabled { get; set; } = true;

    /// <summary>The password of every demo login.</summary>
    public string Password { get; set; } = "Demo-pass-1";
}
