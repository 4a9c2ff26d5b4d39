namespace Connect.Automation;

/// <summary>What happened to one item.</summary>
public enum AutomationOutcome
{
    /// <summary>Approved by this engine.</summary>
    Approved,

    /// <summary>Moved to inquiring by this engine.</summary>
    Inquired,

    /// <summary>Failed by this engine.</summary>
    Failed,

    /// <summary>Left as it was (handler skip, or a purchase that needs migration).</summary>
    Skipped,

    /// <summary>Usage file accepted.</summary>
    Accepted,

    /// <summary>Usage file rejected.</summary>
    Rejected,

    /// <summary>Usage file closed.</summary>
    Closed,

    /// <summary>Usage file deleted.</summary>
    Deleted,

    /// <summary>Usage file submitted.</summary>
    Submitted,

    /// <summary>A listing handed to a usage automation, which completed without error.</summary>
    Completed,

    /// <summary>Another actor had already moved the item on: not a failure.</summary>
    AlreadyHandled,

    /// <summary>The handler or an action failed; the item was left as it was. See <see cref="AutomationReport.Errors"/>.</summary>
    Error,

    /// <summary>The run was cancelled while the handler ran; the item was left as it was.</summary>
    Cancelled,
}
