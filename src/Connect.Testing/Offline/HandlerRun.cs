using Connect.Automation;

namespace Connect.Testing;

/// <summary>What one handler run did: the outcome it returned, the item as the handler left it, and the calls it made.</summary>
/// <typeparam name="TItem">The item kind.</typeparam>
public sealed class HandlerRun<TItem>
    where TItem : class
{
    internal HandlerRun(ProcessResult outcome, TItem item, IReadOnlyList<RecordedCall> calls, IReadOnlyList<string> messages)
    {
        Outcome = outcome;
        Item = item;
        Calls = calls;
        Messages = messages;
    }

    /// <summary>The outcome the handler returned (the engine would carry it out: approve, inquire, fail, skip).</summary>
    public ProcessResult Outcome { get; }

    /// <summary>The item after the handler's own calls (parameter updates applied).</summary>
    public TItem Item { get; }

    /// <summary>The calls the handler made to Connect, in order (none of them left the process).</summary>
    public IReadOnlyList<RecordedCall> Calls { get; }

    /// <summary>The messages the handler posted to the item's conversation.</summary>
    public IReadOnlyList<string> Messages { get; }
}
