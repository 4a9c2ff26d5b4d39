using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Connect.Automation;

/// <summary>
/// The logger of one item: Information and above go straight to the engine's logger; Debug and Trace entries are
/// kept (formatted, secrets masked) and written at Warning only if the item fails (<see cref="Flush"/>), or
/// dropped when it succeeds. This is the Python connect-sdk's "collect debug logs in case of failure".
/// </summary>
internal sealed partial class ItemLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly int _capacity;
    private readonly string? _apiKey;
    private readonly TimeProvider _time;
    private readonly Queue<Entry> _entries = new();
    private readonly Lock _gate = new();
    private int _dropped;

    public ItemLogger(ILogger inner, int capacity, string? apiKey, TimeProvider time)
    {
        _inner = inner;
        _capacity = capacity;
        _apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;
        _time = time;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    // Debug entries are always accepted while buffering: whether they get written is decided at the end.
    public bool IsEnabled(LogLevel logLevel) =>
        logLevel != LogLevel.None && ((_capacity > 0 && logLevel <= LogLevel.Debug && _inner.IsEnabled(LogLevel.Warning)) || _inner.IsEnabled(logLevel));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (_capacity == 0 || logLevel > LogLevel.Debug)
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        var text = Mask(formatter(state, exception));
        lock (_gate)
        {
            if (_entries.Count == _capacity)
            {
                _entries.Dequeue();
                _dropped++;
            }

            _entries.Enqueue(new Entry(logLevel, _time.GetUtcNow(), eventId.Name ?? "Connect.Automation", text, exception));
        }
    }

    /// <summary>Writes the kept entries at Warning (the item failed).</summary>
    public void Flush()
    {
        Entry[] entries;
        int dropped;
        lock (_gate)
        {
            entries = [.. _entries];
            dropped = _dropped;
            _entries.Clear();
            _dropped = 0;
        }

        if (dropped > 0)
        {
            Automation.Log.BufferOverflow(_inner, dropped, _capacity);
        }

        foreach (var entry in entries)
        {
            Automation.Log.Buffered(_inner, entry.Level.ToString(), entry.At, entry.Source, entry.Text, entry.Exception);
        }
    }

    /// <summary>Drops the kept entries (the item succeeded).</summary>
    public void Discard()
    {
        lock (_gate)
        {
            _entries.Clear();
            _dropped = 0;
        }
    }

    internal string Mask(string text)
    {
        if (_apiKey is not null)
        {
            text = text.Replace(_apiKey, "ApiKey ****", StringComparison.Ordinal);
        }

        return ApiKeyPattern().Replace(text, "$1****");
    }

    // "ApiKey SU-123-456:secret" keeps the key id, masks the secret.
    [GeneratedRegex(@"(ApiKey\s+[A-Za-z0-9\-]+:)[^\s""',;]+", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKeyPattern();

    private sealed record Entry(LogLevel Level, DateTimeOffset At, string Source, string Text, Exception? Exception);
}
