using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Faults;

/// <summary>The outcome drawn for one call: the delay to add first, then what to do (null: run the call normally).</summary>
internal readonly record struct FaultDecision(int DelayMs, FaultRule? Rule)
{
    public static readonly FaultDecision None = new(0, null);
}

/// <summary>
/// The active fault rules of one emulator (off until configured) and counters of what was injected. Configuration is
/// replaced as a whole (<see cref="Configure"/>); calls in flight keep the rule set they started with.
/// </summary>
internal sealed class FaultInjector
{
    private static readonly FaultKind[] Kinds = Enum.GetValues<FaultKind>();

    private readonly long[] _injected = new long[Kinds.Length];
    private volatile Configuration _current = Configuration.Empty;

    /// <summary>True when at least one rule is active.</summary>
    public bool Enabled => _current.Rules.Count > 0;

    /// <summary>
    /// Replaces the rules: <c>{"seed": 42, "rules": [...]}</c> or a bare array of rules. Without a seed one is chosen
    /// (and shown by <see cref="ToJson"/>) so that a run can be repeated. Counters restart at zero.
    /// </summary>
    /// <exception cref="ArgumentException">The configuration is not valid; nothing changes.</exception>
    public void Configure(JsonNode? configuration)
    {
        JsonArray rules;
        int seed;
        switch (configuration)
        {
            case JsonArray array:
                rules = array;
                seed = NewSeed();
                break;
            case JsonObject obj:
                rules = obj["rules"] switch
                {
                    null => [],
                    JsonArray a => a,
                    _ => throw new ArgumentException("rules: must be an array of rules."),
                };
                seed = obj["seed"] switch
                {
                    null => NewSeed(),
                    JsonValue v when v.TryGetValue<int>(out var s) => s,
                    _ => throw new ArgumentException("seed: must be a whole number (32-bit)."),
                };
                break;
            default:
                throw new ArgumentException("The fault configuration must be an object {\"seed\", \"rules\"} or an array of rules.");
        }

        var parsed = new List<FaultRule>(rules.Count);
        for (var i = 0; i < rules.Count; i++)
        {
            // Each rule gets its own stream derived from the seed, so adding a rule does not change the others' draws.
            parsed.Add(FaultRule.Parse(rules[i], $"rules[{i.ToString(CultureInfo.InvariantCulture)}]", unchecked((seed * 397) ^ (i + 1))));
        }

        Array.Clear(_injected);
        _current = new Configuration(seed, parsed);
    }

    /// <summary>Loads a configuration file (the <c>--faults</c> option).</summary>
    /// <exception cref="ArgumentException">The file is missing, unreadable, not JSON, or not a valid configuration.</exception>
    public void LoadFile(string? path)
    {
        if (path is null)
        {
            return;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ArgumentException($"--faults: the file '{path}' could not be read: {ex.Message}", ex);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"--faults: the file '{path}' is not valid JSON: {ex.Message}", ex);
        }

        try
        {
            Configure(node);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"--faults: the file '{path}' is not a valid fault configuration: {ex.Message}", ex);
        }
    }

    /// <summary>Removes every rule; counters restart at zero.</summary>
    public void Clear()
    {
        Array.Clear(_injected);
        _current = Configuration.Empty;
    }

    /// <summary>
    /// Draws the outcome of one call. Matching rules are rolled in order: <c>latency</c> rules that fire add their
    /// delay and the search goes on; the first other rule that fires decides the outcome (its latency is added too).
    /// </summary>
    public FaultDecision Decide(string method, string path)
    {
        var configuration = _current;
        var delay = 0;
        foreach (var rule in configuration.Rules)
        {
            if (!rule.Matches(method, path))
            {
                continue;
            }

            var (fires, ruleDelay) = rule.Roll();
            if (!fires)
            {
                continue;
            }

            Interlocked.Increment(ref _injected[(int)rule.Kind]);
            delay += ruleDelay;
            if (rule.Kind != FaultKind.Latency)
            {
                return new FaultDecision(delay, rule);
            }
        }

        return delay == 0 ? FaultDecision.None : new FaultDecision(delay, null);
    }

    /// <summary>The active rules with their counters, the seed, and the faults injected so far by kind.</summary>
    public JsonObject ToJson()
    {
        var configuration = _current;
        var injected = new JsonObject();
        long total = 0;
        foreach (var kind in Kinds)
        {
            var n = Interlocked.Read(ref _injected[(int)kind]);
            injected[FaultRule.KindName(kind)] = n;
            total += n;
        }

        return new JsonObject
        {
            ["enabled"] = configuration.Rules.Count > 0,
            ["seed"] = configuration.Seed,
            ["rules"] = new JsonArray([.. configuration.Rules.Select(r => (JsonNode)r.ToJson())]),
            ["injected"] = injected,
            ["total"] = total,
        };
    }

    private static int NewSeed() => Random.Shared.Next();

    private sealed record Configuration(int? Seed, IReadOnlyList<FaultRule> Rules)
    {
        public static readonly Configuration Empty = new(null, []);
    }
}
