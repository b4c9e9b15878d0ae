using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Inbox.Tests.TestSupport;

/// <summary>
/// Writes what the app logs to the test's output, timestamped, so a test that failed under load shows what the app was
/// doing (the output is kept in the test results of a failed test).
/// </summary>
public sealed class TestOutputLog(ITestOutputHelper output, LogLevel minimum = LogLevel.Information) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(output, categoryName, minimum);

    public void Dispose()
    {
    }

    private sealed class Logger(ITestOutputHelper output, string category, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && !category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            try
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
            }
            catch (InvalidOperationException)
            {
                // The test has ended; xunit refuses further output.
            }
        }
    }
}
