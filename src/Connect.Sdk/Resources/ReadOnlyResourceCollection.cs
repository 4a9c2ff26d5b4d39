namespace Connect.Sdk.Resources;

/// <summary>A collection with no extra operations (marketplaces, accounts, contracts, listings, ...).</summary>
/// <typeparam name="T">Model.</typeparam>
public sealed class ReadOnlyResourceCollection<T> : ResourceCollection<T>
    where T : class
{
    internal ReadOnlyResourceCollection(ConnectTransport transport, string path)
        : base(transport, path)
    {
    }
}
