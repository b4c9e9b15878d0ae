using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.TestSupport;

/// <summary>The tests' clock: <see cref="FakeTimeProvider"/> from one fixed instant, moved only by the test.</summary>
public static class TestClock
{
    /// <summary>A Friday noon, UTC: inside the demo's business hours.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider New() => new(Start);

    extension(FakeTimeProvider time)
    {
        /// <summary>Now as the entities store instants: a UTC <see cref="DateTime"/>.</summary>
        public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
    }
}
