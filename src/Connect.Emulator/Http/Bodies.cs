using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Http;

/// <summary>Reads JSON request bodies; an absent body, <c>null</c> and <c>{}</c> all read as an empty object.</summary>
internal static class Bodies
{
    /// <summary>The longest text a body's string may hold (a name, a note, a parameter value): 64 K characters.</summary>
    public const int MaxTextLength = 65_536;

    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// Parses a JSON body strictly: a syntax error, a duplicate key, a string that is not valid Unicode (a lone
    /// surrogate such as <c>"\ud800"</c>) or a string longer than <see cref="MaxTextLength"/> is a 400 VAL_001 naming
    /// the problem and where it is, never a failure later on.
    /// </summary>
    /// <param name="text">The body.</param>
    /// <returns>The parsed node (null for <c>null</c>).</returns>
    public static JsonNode? Parse(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: StrictJson);
            Check(node, "$");
        }
        catch (JsonException ex)
        {
            throw ApiException.Invalid($"The request body is not valid JSON: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            // JsonObject's own check, should a duplicate key get past the document options.
            throw ApiException.Invalid($"The request body has a duplicate key: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            throw ApiException.Invalid("The request body is not valid Unicode (it holds a lone surrogate such as \\ud800).");
        }

        return node;
    }

    private static void Check(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Check(name, path);
                    Check(child, path + "." + name);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                string text;
                try
                {
                    text = value.GetValue<string>();
                }
                catch (InvalidOperationException)
                {
                    throw ApiException.Invalid($"{Field(path)}: the text is not valid Unicode (it holds a lone surrogate such as \\ud800).");
                }

                if (text.Length > MaxTextLength)
                {
                    throw ApiException.Invalid($"{Field(path)}: the text is longer than the limit of {MaxTextLength} characters.");
                }

                Check(text, path);
                break;
        }
    }

    /// <summary>Refuses a lone surrogate left in a string that was read (property names, or text decoded leniently).</summary>
    private static void Check(string text, string path)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw ApiException.Invalid($"{Field(path)}: the text is not valid Unicode (it holds a lone surrogate such as \\ud800).");
            }
        }
    }

    private static string Field(string path) => path == "$" ? "The request body" : path[2..];

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var node = Parse(text);
        return node switch
        {
            null => [],
            JsonObject obj => obj,
            _ => throw ApiException.Invalid("The request body must be a JSON object."),
        };
    }
}
