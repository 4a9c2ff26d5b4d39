namespace Connect.Automation;

/// <summary>The outcome of one item.</summary>
/// <param name="Id">Item id.</param>
/// <param name="Type">Item type (request type, TCR type, <c>listing</c>, <c>usage_file</c>).</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Duration">Time spent on the item.</param>
public sealed record ItemOutcome(string Id, string Type, AutomationOutcome Outcome, TimeSpan Duration);
