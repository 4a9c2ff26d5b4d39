using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Sdk;

/// <summary>
/// Reads and writes Connect documents (recorded requests, fixtures, test data) with exactly the settings the client
/// uses on the wire: source-generated metadata, unknown fields kept, explicit <c>null</c>s written back.
/// </summary>
public static class ConnectSerializer
{
    /// <summary>Reads a document as <typeparamref name="T"/> (a model of <c>Connect.Sdk.Models</c>).</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ConnectSerializationException">The text is not JSON, is <c>null</c>, or does not fit the model.</exception>
    public static T Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, ConnectJson.TypeInfo<T>())
                ?? throw new ConnectSerializationException(typeof(T), "$", "the document was JSON null");
        }
        catch (JsonException ex)
        {
            throw new ConnectSerializationException(typeof(T), ex.Path, ex.Message, ex);
        }
    }

    /// <summary>Writes a model as JSON (compact, snake_case names as on the wire).</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="value">The model.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ConnectJson.TypeInfo<T>());

    /// <summary>Writes a model as a mutable JSON tree.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="value">The model.</param>
    /// <returns>The JSON tree (<see langword="null"/> only for a <see langword="null"/> value).</returns>
    public static JsonNode? SerializeToNode<T>(T value) => JsonSerializer.SerializeToNode(value, ConnectJson.TypeInfo<T>());

    /// <summary>A deep copy of a model, made by writing and reading it back.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="value">The model.</param>
    /// <returns>An independent copy.</returns>
    public static T Clone<T>(T value) => Deserialize<T>(Serialize(value));
}
