using System.Text.Json;
using Connect.Sdk.Models;

namespace Connect.Automation;

/// <summary>
/// Wraps a parameter updater so that a <c>PUT</c> that would change nothing is not sent: the item's parameters are
/// recorded when it is listed (before the handler can modify the objects) and after every update; an update whose
/// parameters all carry the recorded <c>value</c>, <c>value_error</c> and <c>structured_value</c> (the fields the
/// update sends), and that has no note, is skipped. Comparison errs towards sending: non-string values are compared by their
/// JSON text, so two spellings of one value count as a change.
/// </summary>
internal sealed class UnchangedParameters
{
    private readonly Dictionary<string, Sent> _known = new(StringComparer.Ordinal);
    private readonly Func<IEnumerable<Param>, string?, CancellationToken, Task> _send;
    private readonly Lock _gate = new();

    private UnchangedParameters(Func<IEnumerable<Param>, string?, CancellationToken, Task> send, IEnumerable<Param>? current)
    {
        _send = send;
        foreach (var p in current ?? [])
        {
            if (p?.Id is { Length: > 0 } id)
            {
                _known[id] = new Sent(ValueText(p), p.ValueError, StructuredText(p));
            }
        }
    }

    /// <summary><paramref name="send"/>, skipping updates that change nothing; <see langword="null"/> stays null.</summary>
    public static Func<IEnumerable<Param>, string?, CancellationToken, Task>? Wrap(
        Func<IEnumerable<Param>, string?, CancellationToken, Task>? send, IEnumerable<Param>? current) =>
        send is null ? null : new UnchangedParameters(send, current).UpdateAsync;

    private async Task UpdateAsync(IEnumerable<Param> parameters, string? note, CancellationToken cancellationToken)
    {
        var wanted = parameters.ToList();
        if (note is null && wanted.All(Unchanged))
        {
            return;
        }

        await _send(wanted, note, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var p in wanted)
            {
                if (p?.Id is not { Length: > 0 } id)
                {
                    continue;
                }

                var before = _known.GetValueOrDefault(id);
                _known[id] = new Sent(ValueText(p) ?? before.Value, p.ValueError ?? before.ValueError, StructuredText(p) ?? before.Structured);
            }
        }
    }

    private bool Unchanged(Param p)
    {
        if (p?.Id is not { Length: > 0 } id)
        {
            return false;
        }

        lock (_gate)
        {
            if (!_known.TryGetValue(id, out var known))
            {
                return false;
            }

            // A field the update does not send (null) cannot change.
            return (ValueText(p) is not { } value || value == known.Value)
                && (p.ValueError is not { } error || string.Equals(error, known.ValueError, StringComparison.Ordinal))
                && (StructuredText(p) is not { } structured || structured == known.Structured);
        }
    }

    private static string? ValueText(Param p) =>
        p.ValueJson switch
        {
            { ValueKind: JsonValueKind.String } raw => "s:" + raw.GetString(),
            { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } raw => "j:" + raw.GetRawText(),
            _ => p.Value is { } text ? "s:" + text : null,
        };

    private static string? StructuredText(Param p) =>
        p.StructuredValue is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } structured ? structured.GetRawText() : null;

    private readonly record struct Sent(string? Value, string? ValueError, string? Structured);
}
