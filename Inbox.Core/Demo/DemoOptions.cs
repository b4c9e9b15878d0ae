namespace Inbox.Core.Demo;

/// <summary>Demo mode (<c>Inbox:Demo</c>): seeds channels, conversations and one login per role into an empty database.</summary>
public sealed class DemoOptions
{
    public const string Section = "Inbox:Demo";

    /// <summary>Off unless turned on: the Development launch profile and the tests turn it on; Production refuses it.</summary>
    public bool Enabled { get; set; }

    /// <summary>The password of every demo login.</summary>
    public string Password { get; set; } = "Demo-pass-1";
}
