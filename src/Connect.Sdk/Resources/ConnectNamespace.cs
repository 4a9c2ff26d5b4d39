namespace Connect.Sdk.Resources;

/// <summary>A namespace of collections (<c>client.Ns("tier").Collection("configs")</c>).</summary>
public sealed class ConnectNamespace
{
    private readonly ConnectTransport _transport;

    internal ConnectNamespace(ConnectTransport transport, string path)
    {
        _transport = transport;
        Path = path;
    }

    /// <summary>Path of the namespace.</summary>
    public string Path { get; }

    /// <summary>A collection of the namespace.</summary>
    /// <param name="name">Collection name.</param>
    /// <returns>The collection.</returns>
    public ConnectCollection Collection(string name) => new(_transport, Path + "/" + ConnectClient.CheckName(name));

    /// <summary>A nested namespace.</summary>
    /// <param name="name">Namespace name.</param>
    /// <returns>The namespace.</returns>
    public ConnectNamespace Ns(string name) => new(_transport, Path + "/" + ConnectClient.CheckName(name));
}
