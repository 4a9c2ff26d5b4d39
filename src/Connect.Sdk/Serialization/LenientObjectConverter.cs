using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Connect.Sdk.Models;

namespace Connect.Sdk;

/// <summary>
/// Reads an object that the server sometimes sends as a bare string (for example <c>"assignee": ""</c> or
/// <c>"assignee": "UR-..."</c>) and writes it back in the form it was read.
/// </summary>
internal sealed class LenientObjectConverter<T> : JsonConverter<T>
    where T : ConnectModel, new()
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;
            var model = new T { RawString = text };
            if (text.Length > 0 && model is IIdentified identified)
            {
                identified.Id = text;
            }

            return model;
        }

        return JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (value.RawString is not null)
        {
            writer.WriteStringValue(value.RawString);
            return;
        }

        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }
}

/// <summary>A model with a settable id.</summary>
internal interface IIdentified
{
    string? Id { get; set; }
}
