using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>Starting points for asset builders: an active subscription to the emulator's demo product, or a recorded asset.</summary>
public static class Assets
{
    /// <summary>An active asset with one item.</summary>
    /// <returns>The builder.</returns>
    public static AssetBuilder Active() => new(AssetStatus.Active);

    /// <summary>A suspended asset.</summary>
    /// <returns>The builder.</returns>
    public static AssetBuilder Suspended() => new(AssetStatus.Suspended);

    /// <summary>An asset in <c>processing</c> (its purchase is not approved yet).</summary>
    /// <returns>The builder.</returns>
    public static AssetBuilder Processing() => new(AssetStatus.Processing);

    /// <summary>A terminated asset.</summary>
    /// <returns>The builder.</returns>
    public static AssetBuilder Terminated() => new(AssetStatus.Terminated);

    /// <summary>A builder that starts from a recorded asset (JSON file, as <c>GET /assets/{id}</c> answers it).</summary>
    /// <param name="path">Path of the JSON file.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ConnectSerializationException">The file is not an asset document.</exception>
    public static AssetBuilder FromFile(string path) => FromJson(File.ReadAllText(path));

    /// <summary>A builder that starts from an asset document given as JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ConnectSerializationException">The text is not an asset document.</exception>
    public static AssetBuilder FromJson(string json) => new(ConnectSerializer.Deserialize<Asset>(json));
}
