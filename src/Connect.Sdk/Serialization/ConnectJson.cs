using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Connect.Sdk.Models;

namespace Connect.Sdk;

/// <summary>The one set of JSON options the SDK uses: source-generated metadata plus null tracking for models.</summary>
internal static class ConnectJson
{
    /// <summary>Read-only options; safe to share.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Reads <typeparamref name="T"/> from UTF-8 JSON; any problem is a <see cref="ConnectSerializationException"/>.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, TypeInfo<T>()) ?? throw JsonNull<T>();
        }
        catch (JsonException ex)
        {
            throw new ConnectSerializationException(typeof(T), ex.Path, ex.Message, ex);
        }
    }

    /// <summary>Reads <typeparamref name="T"/> from JSON text; any problem is a <see cref="ConnectSerializationException"/>.</summary>
    public static T Deserialize<T>(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, TypeInfo<T>()) ?? throw JsonNull<T>();
        }
        catch (JsonException ex)
        {
            throw new ConnectSerializationException(typeof(T), ex.Path, ex.Message, ex);
        }
    }

    /// <summary>A request body: the node as JSON (<c>{}</c> for <see langword="null"/>).</summary>
    public static HttpContent NodeContent(JsonNode? body) =>
        new StringContent(body is null ? "{}" : body.ToJsonString(Options), Encoding.UTF8, "application/json");

    /// <summary>A request body: the model as JSON.</summary>
    public static HttpContent ModelContent<T>(T body) =>
        new StringContent(JsonSerializer.Serialize(body, TypeInfo<T>()), Encoding.UTF8, "application/json");

    private static ConnectSerializationException JsonNull<T>() => new(typeof(T), "$", "the response was JSON null");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = ConnectJsonContext.Default.WithAddedModifier(TrackExplicitNulls),
            AllowTrailingCommas = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Model properties that are <see langword="null"/> are not written, except those the server sent as an
    /// explicit <c>null</c>: absent stays absent and null stays null on a round trip.
    /// </summary>
    private static void TrackExplicitNulls(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !typeof(ConnectModel).IsAssignableFrom(typeInfo.Type))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            var type = property.PropertyType;
            if (property.IsExtensionData || (type.IsValueType && Nullable.GetUnderlyingType(type) is null))
            {
                continue;
            }

            var name = property.Name;
            if (property.Set is { } set)
            {
                property.Set = (obj, value) =>
                {
                    ((ConnectModel)obj).SetExplicitNull(name, value is null);
                    set(obj, value);
                };
            }

            var shouldSerialize = property.ShouldSerialize;
            property.ShouldSerialize = (obj, value) =>
                value is null ? ((ConnectModel)obj).IsExplicitNull(name) : shouldSerialize?.Invoke(obj, value) ?? true;
        }
    }
}

/// <summary>The body of <c>GET /usage/products/{id}/template</c>.</summary>
internal sealed class UsageTemplateLink
{
    [JsonPropertyName("template_link")]
    public string? TemplateLink { get; set; }
}
