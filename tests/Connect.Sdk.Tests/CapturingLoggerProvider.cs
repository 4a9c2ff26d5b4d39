using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Tests;

/// <summary>Keeps every log line with its category, level, event id, message and state values.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(p => $"{p.Key}={p.Value}").ToList() : [];
            owner.Entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception) + (exception?.ToString() ?? string.Empty), values));
        }
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<string> State);
