namespace Inbox.Tests.TestSupport;

/// <summary>A clock the test moves by hand. Timers are not driven; code under test reads <see cref="GetUtcNow"/>.</summary>
public sealed class FakeTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public FakeTime()
        : this(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public DateTime UtcNow => now.UtcDateTime;

    public void Advance(TimeSpan by) => now += by;
}
