namespace Connect.Testing;

/// <summary>One call a handler made to the (offline) Connect API.</summary>
/// <param name="Method">HTTP method (<c>GET</c>, <c>PUT</c>, <c>POST</c>).</param>
/// <param name="Path">Path below the API base, e.g. <c>requests/PR-1-001</c>.</param>
/// <param name="Query">The query string without <c>?</c>; empty when none.</param>
/// <param name="Body">The JSON body sent; <see langword="null"/> when none.</param>
public sealed record RecordedCall(string Method, string Path, string Query, string? Body)
{
    /// <inheritdoc />
    public override string ToString() => Method + " " + Path + (Query.Length > 0 ? "?" + Query : string.Empty);
}
