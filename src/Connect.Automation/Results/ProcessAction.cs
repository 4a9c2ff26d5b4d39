namespace Connect.Automation;

/// <summary>What a <see cref="ProcessResult"/> asks the engine to do.</summary>
public enum ProcessAction
{
    /// <summary>Approve with an activation template (<c>POST .../approve</c>).</summary>
    Approve,

    /// <summary>Approve with an activation tile (Markdown).</summary>
    ApproveWithTile,

    /// <summary>Set <c>value_error</c> on parameters, then <c>POST .../inquire</c>.</summary>
    Inquire,

    /// <summary>Fail with a reason (<c>POST .../fail</c>).</summary>
    Fail,

    /// <summary>Leave the item as it is (optionally posting a message once).</summary>
    Skip,

    /// <summary>Accept a usage file with a note.</summary>
    Accept,

    /// <summary>Reject a usage file with a note.</summary>
    Reject,

    /// <summary>Close a usage file.</summary>
    Close,

    /// <summary>Delete a usage file.</summary>
    Delete,

    /// <summary>Submit a usage file to the provider.</summary>
    Submit,

    /// <summary>The handler did its work itself (a listing whose usage it reported); nothing more to carry out.</summary>
    Complete,
}
