using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>
/// Base of every Connect document model. Fields the model does not know are kept in <see cref="ExtensionData"/>,
/// and fields the server sent as an explicit <c>null</c> are written back as <c>null</c>, so a read-modify-write
/// never drops or invents data.
/// </summary>
public abstract class ConnectModel
{
    private HashSet<string>? _explicitNulls;

    /// <summary>Fields not modelled by this type, kept so they round-trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>
    /// When the server sent a string where this object was expected (recorded requests carry
    /// <c>"assignee": ""</c>), the string; it is written back unchanged.
    /// </summary>
    internal string? RawString { get; set; }

    internal void SetExplicitNull(string jsonName, bool isNull)
    {
        if (isNull)
        {
            (_explicitNulls ??= new HashSet<string>(StringComparer.Ordinal)).Add(jsonName);
        }
        else
        {
            _explicitNulls?.Remove(jsonName);
        }
    }

    internal bool IsExplicitNull(string jsonName) => _explicitNulls?.Contains(jsonName) == true;
}
