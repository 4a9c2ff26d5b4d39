using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Connect.Emulator.Faults;

/// <summary>What a fault rule does to a matching call.</summary>
internal enum FaultKind
{
    /// <summary>Answers an error status (500, 502, 503, ...) before the handler runs: nothing is committed.</summary>
    Error,

    /// <summary>Answers 429 with <c>Retry-After</c> before the handler runs.</summary>
    Throttle,

    /// <summary>Only delays the call (latency plus jitter), then runs it normally.</summary>
    Latency,

    /// <summary>Aborts the connection before the handler runs (the client sees a reset / truncated response).</summary>
    Reset,

    /// <summary>Runs the handler (the change is committed), then replaces its answer with an error (502 by default).</summary>
    FailAfterCommit,
}

/// <summary>
/// One fault rule: which calls it matches (route pattern and method), how often it fires (<see cref="ErrorRate"/>),
/// what it does (<see cref="Kind"/>), and the latency it adds when it fires. Each rule draws from its own seeded
/// <see cref="Random"/> behind a lock, so the same seed and the same sequence of calls give the same outcomes.
/// </summary>
internal sealed class FaultRule
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly Regex _pattern;
    private long _matched;
    private long _injected;

    private FaultRule(string route, Regex pattern, string method, FaultKind kind, double errorRate, int status, int retryAfterSeconds,
        int latencyMs, int jitterMs, int seed)
    {
        Route = route;
        _pattern = pattern;
        Method = method;
        Kind = kind;
        ErrorRate = errorRate;
        Status = status;
        RetryAfterSeconds = retryAfterSeconds;
        LatencyMs = latencyMs;
        JitterMs = jitterMs;
        _random = new Random(seed);
    }

    public string Route { get; }

    /// <summary>HTTP method in upper case, or <c>*</c> for any.</summary>
    public string Method { get; }

    public FaultKind Kind { get; }

    /// <summary>Probability (0…1) that a matching call is faulted.</summary>
    public double ErrorRate { get; }

    public int Status { get; }

    public int RetryAfterSeconds { get; }

    public int LatencyMs { get; }

    public int JitterMs { get; }

    public long Matched => Interlocked.Read(ref _matched);

    public long Injected => Interlocked.Read(ref _injected);

    public bool Matches(string method, string path) =>
        (Method == "*" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) && _pattern.IsMatch(path);

    /// <summary>Draws this call's outcome: whether the rule fires and, if so, the delay to add.</summary>
    public (bool Fires, int DelayMs) Roll()
    {
        Interlocked.Increment(ref _matched);
        bool fires;
        int delay;
        lock (_gate)
        {
            fires = _random.NextDouble() < ErrorRate;
            delay = fires ? LatencyMs + (JitterMs > 0 ? _random.Next(0, JitterMs + 1) : 0) : 0;
        }

        if (fires)
        {
            Interlocked.Increment(ref _injected);
        }

        return (fires, delay);
    }

    public JsonObject ToJson() => new()
    {
        ["route"] = Route,
        ["method"] = Method,
        ["kind"] = KindName(Kind),
        ["errorRate"] = ErrorRate,
        ["status"] = Status,
        ["retryAfterSeconds"] = RetryAfterSeconds,
        ["latencyMs"] = LatencyMs,
        ["jitterMs"] = JitterMs,
        ["matched"] = Matched,
        ["injected"] = Injected,
    };

    public static string KindName(FaultKind kind) => kind switch
    {
        FaultKind.Error => "error",
        FaultKind.Throttle => "throttle",
        FaultKind.Latency => "latency",
        FaultKind.Reset => "reset",
        _ => "failAfterCommit",
    };

    /// <summary>Reads a rule; <paramref name="where"/> (e.g. <c>rules[2]</c>) prefixes every error message.</summary>
    /// <exception cref="ArgumentException">A field is missing, of the wrong type or out of range.</exception>
    public static FaultRule Parse(JsonNode? node, string where, int seed)
    {
        if (node is not JsonObject rule)
        {
            throw new ArgumentException($"{where}: a rule must be a JSON object.");
        }

        var route = Text(rule, where, "route") ?? throw new ArgumentException($"{where}.route: this field is required.");
        var method = (Text(rule, where, "method") ?? "*").ToUpperInvariant();
        var kindText = Text(rule, where, "kind") ?? "error";
        var kind = kindText switch
        {
            "error" => FaultKind.Error,
            "throttle" => FaultKind.Throttle,
            "latency" => FaultKind.Latency,
            "reset" => FaultKind.Reset,
            "failAfterCommit" or "fail_after_commit" => FaultKind.FailAfterCommit,
            _ => throw new ArgumentException($"{where}.kind: '{kindText}' is not one of error, throttle, latency, reset, failAfterCommit."),
        };
        var rate = Number(rule, where, "errorRate", "error_rate") ?? 1.0;
        if (rate is < 0 or > 1 || double.IsNaN(rate))
        {
            throw new ArgumentException($"{where}.errorRate: must be between 0 and 1, not {rate.ToString(CultureInfo.InvariantCulture)}.");
        }

        var defaultStatus = kind switch
        {
            FaultKind.Throttle => 429,
            FaultKind.FailAfterCommit => 502,
            _ => 503,
        };
        var status = Integer(rule, where, "status", "status") ?? defaultStatus;
        if (kind == FaultKind.Throttle && status != 429)
        {
            throw new ArgumentException($"{where}.status: a throttle rule answers 429, not {status.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (kind is FaultKind.Error or FaultKind.FailAfterCommit && status is < 500 or > 599)
        {
            throw new ArgumentException($"{where}.status: must be a 5xx status (500, 502, 503, ...), not {status.ToString(CultureInfo.InvariantCulture)}.");
        }

        var retryAfter = Integer(rule, where, "retryAfterSeconds", "retry_after_seconds") ?? 1;
        var latency = Integer(rule, where, "latencyMs", "latency_ms") ?? 0;
        var jitter = Integer(rule, where, "jitterMs", "jitter_ms") ?? 0;
        if (retryAfter < 0 || latency < 0 || jitter < 0)
        {
            throw new ArgumentException($"{where}: retryAfterSeconds, latencyMs and jitterMs must not be negative.");
        }

        if (latency + (long)jitter > 600_000)
        {
            throw new ArgumentException($"{where}: latencyMs + jitterMs must not exceed 600000 (10 minutes).");
        }

        return new FaultRule(route, Compile(route, where), method, kind, rate, status, retryAfter, latency, jitter, seed);
    }

    /// <summary>
    /// A pattern starting with <c>^</c> is a regular expression over the path; anything else is a glob where <c>*</c>
    /// matches within one path segment and <c>**</c> across segments, e.g. <c>/public/v1/requests/*/approve</c>.
    /// </summary>
    private static Regex Compile(string route, string where)
    {
        string pattern;
        if (route.StartsWith('^'))
        {
            pattern = route;
        }
        else
        {
            if (!route.StartsWith('/'))
            {
                throw new ArgumentException($"{where}.route: a glob must start with '/' (e.g. /public/v1/requests/*/approve); a regex starts with '^'.");
            }

            pattern = "^" + Regex.Escape(route.TrimEnd('/'))
                .Replace(@"\*\*", ".*", StringComparison.Ordinal)
                .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
                .Replace(@"\?", "[^/]", StringComparison.Ordinal) + "/?$";
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{where}.route: not a valid regular expression: {ex.Message}");
        }
    }

    private static string? Text(JsonObject rule, string where, string name) => rule[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => s,
        _ => throw new ArgumentException($"{where}.{name}: must be a non-empty string."),
    };

    private static double? Number(JsonObject rule, string where, string name, string alias) => (rule[name] ?? rule[alias]) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        _ => throw new ArgumentException($"{where}.{name}: must be a number."),
    };

    private static int? Integer(JsonObject rule, string where, string name, string alias) => (rule[name] ?? rule[alias]) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<double>(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        _ => throw new ArgumentException($"{where}.{name}: must be a whole number."),
    };
}
