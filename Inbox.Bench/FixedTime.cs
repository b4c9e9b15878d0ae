namespace Inbox.Bench;

/// <summary>A clock stopped at the end of the generated year, so every run measures the same ranges.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
