using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Http;

/// <summary>
/// The JSON types a route expects for the body fields it reads. <see cref="Check"/> answers 400 (<c>VAL_001</c>, the
/// error naming the field by its path, e.g. <c>asset.params[0].id</c>) when a field has the wrong type, before anything
/// is stored; fields the route does not read are ignored, and <c>null</c> counts as absent, as Connect does for
/// optional fields. Text fields take strings, and numbers and booleans (read as their JSON text), as Connect's string
/// fields do; objects and lists are refused.
/// </summary>
internal abstract class BodyShape
{
    /// <summary>A text field: a string, number or boolean.</summary>
    public static readonly BodyShape Text = new TextShape();

    /// <summary>A date: a string <c>YYYY-MM-DD</c> or an ISO 8601 date and time (a usage file's period).</summary>
    public static readonly BodyShape Date = new DateShape();

    /// <summary>
    /// A parameter's <c>structured_value</c>: an object, or <c>""</c> (processors send it for "no structured value",
    /// the Python Processor SDK's Subscription Activation use case).
    /// </summary>
    public static readonly BodyShape StructuredValue = new StructuredValueShape();

    /// <summary>A parameter change: an object with a text <c>id</c> and optional text <c>value</c>, <c>value_error</c>.</summary>
    public static readonly BodyShape Param = Object(["id"], ("id", Text), ("value", Text), ("value_error", Text), ("structured_value", StructuredValue));

    /// <summary>What this shape expects, for the error message ("an object", "a list", "a string").</summary>
    protected abstract string Expected { get; }

    /// <summary>An object whose listed fields have the given shapes.</summary>
    public static BodyShape Object(params (string Name, BodyShape Shape)[] fields) => new ObjectShape([], fields);

    /// <summary>An object whose listed fields have the given shapes, and <paramref name="required"/> are present (non-null).</summary>
    public static BodyShape Object(string[] required, params (string Name, BodyShape Shape)[] fields) => new ObjectShape(required, fields);

    /// <summary>A list whose items all have the shape <paramref name="item"/>.</summary>
    public static BodyShape List(BodyShape item) => new ListShape(item);

    /// <summary>Checks a request body (the root object) and returns it.</summary>
    /// <exception cref="ApiException">400 naming the first field with the wrong type.</exception>
    public JsonObject Check(JsonObject body)
    {
        CheckNode(body, string.Empty);
        return body;
    }

    /// <summary>Checks <paramref name="node"/> (never null) at <paramref name="path"/>.</summary>
    protected abstract void CheckNode(JsonNode node, string path);

    private static ApiException WrongType(string path, string expected, JsonNode node) =>
        ApiException.Invalid($"{(path.Length == 0 ? "The request body" : path)}: Expected {expected}, got {Describe(node)}.");

    private static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private sealed class TextShape : BodyShape
    {
        protected override string Expected => "a string";

        protected override void CheckNode(JsonNode node, string path)
        {
            if (node.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
            {
                throw WrongType(path, Expected, node);
            }
        }
    }

    private sealed class DateShape : BodyShape
    {
        private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss"];

        protected override string Expected => "a date (YYYY-MM-DD or ISO 8601)";

        protected override void CheckNode(JsonNode node, string path)
        {
            if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
            {
                throw WrongType(path, Expected, node);
            }

            if (!DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                throw ApiException.Invalid($"{path}: Expected {Expected}, got '{(text.Length > 40 ? text[..40] + "..." : text)}'.");
            }
        }
    }

    private sealed class StructuredValueShape : BodyShape
    {
        protected override string Expected => "an object (or \"\" for none)";

        protected override void CheckNode(JsonNode node, string path)
        {
            if (node is not JsonObject && !(node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length == 0))
            {
                throw WrongType(path, Expected, node);
            }
        }
    }

    private sealed class ObjectShape(string[] required, (string Name, BodyShape Shape)[] fields) : BodyShape
    {
        protected override string Expected => "an object";

        protected override void CheckNode(JsonNode node, string path)
        {
            if (node is not JsonObject obj)
            {
                throw WrongType(path, Expected, node);
            }

            foreach (var name in required)
            {
                if (obj[name] is null)
                {
                    throw ApiException.Invalid($"{Child(path, name)}: This field is required.");
                }
            }

            foreach (var (name, shape) in fields)
            {
                if (obj[name] is { } value)
                {
                    shape.CheckNode(value, Child(path, name));
                }
            }
        }
    }

    private sealed class ListShape(BodyShape item) : BodyShape
    {
        protected override string Expected => "a list";

        protected override void CheckNode(JsonNode node, string path)
        {
            if (node is not JsonArray array)
            {
                throw WrongType(path, Expected, node);
            }

            for (var i = 0; i < array.Count; i++)
            {
                var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (array[i] is not { } value)
                {
                    throw ApiException.Invalid($"{itemPath}: Expected {item.Expected}, got null.");
                }

                item.CheckNode(value, itemPath);
            }
        }
    }
}
