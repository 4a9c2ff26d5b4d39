namespace Connect.Processor;

/// <summary>How a processor host runs.</summary>
public enum ProcessorRunMode
{
    /// <summary>Process everything pending (repeating while passes make progress), report usage if due, then stop the host.</summary>
    Once,

    /// <summary>Process everything pending every <see cref="ProcessorOptions.IntervalSeconds"/> until the host stops.</summary>
    Continuous,
}
