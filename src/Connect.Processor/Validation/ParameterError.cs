namespace Connect.Processor;

/// <summary>A problem with one parameter, sent to Connect as its <c>value_error</c>.</summary>
/// <param name="ParameterId">Parameter id (its name in the product, e.g. <c>customer_email</c>).</param>
/// <param name="Message">What the customer must fix, e.g. "Please provide a valid e-mail address.".</param>
public sealed record ParameterError(string ParameterId, string Message);
