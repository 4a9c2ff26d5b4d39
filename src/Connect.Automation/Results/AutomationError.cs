namespace Connect.Automation;

/// <summary>A genuine fault on one item.</summary>
/// <param name="Id">Item id.</param>
/// <param name="Type">Item type.</param>
/// <param name="Message">What went wrong.</param>
/// <param name="Exception">The exception, when there was one.</param>
public sealed record AutomationError(string Id, string Type, string Message, Exception? Exception);
