namespace Connect.Sdk.Resources;

/// <summary>One page of a listing.</summary>
/// <typeparam name="T">Model.</typeparam>
/// <param name="Items">The documents of the page.</param>
/// <param name="Offset">Offset of the first document.</param>
/// <param name="Total">Total number of matching documents, when the server sent <c>Content-Range</c>.</param>
public sealed record ResourcePage<T>(IReadOnlyList<T> Items, long Offset, long? Total);
