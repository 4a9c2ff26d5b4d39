using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Connect.Emulator.Tests.Contract;

/// <summary>
/// Reads a YAML document straight into a <see cref="JsonNode"/> tree from YamlDotNet's event stream (no object
/// model in between, so the 2.3 MB spec loads in one pass). Plain scalars follow the YAML 1.2 core schema:
/// null/~, true/false, integers and floats; everything else (and every quoted scalar) is a string.
/// </summary>
internal static class YamlJson
{
    public static JsonNode? Parse(TextReader reader)
    {
        var parser = new Parser(reader);
        var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var stack = new Stack<(JsonNode Container, string? PendingKey)>();
        JsonNode? root = null;
        var rootSet = false;

        void Add(JsonNode? node, bool isScalarKeyCandidate, string? scalarText)
        {
            if (stack.Count == 0)
            {
                root = node;
                rootSet = true;
                return;
            }

            var (container, pendingKey) = stack.Pop();
            if (container is JsonArray array)
            {
                array.Add(node);
                stack.Push((array, null));
            }
            else if (pendingKey is null)
            {
                if (!isScalarKeyCandidate)
                {
                    throw new InvalidDataException("Only scalar mapping keys are supported.");
                }

                stack.Push((container, scalarText));
            }
            else
            {
                container.AsObject()[pendingKey] = node;
                stack.Push((container, null));
            }
        }

        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case Scalar scalar:
                    var value = ScalarToNode(scalar);
                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchors[scalar.Anchor.Value] = value;
                    }

                    Add(value, isScalarKeyCandidate: true, scalar.Value);
                    break;
                case MappingStart mappingStart:
                    var obj = new JsonObject();
                    Add(obj, false, null);
                    stack.Push((obj, null));
                    if (!mappingStart.Anchor.IsEmpty)
                    {
                        anchors[mappingStart.Anchor.Value] = obj;
                    }

                    break;
                case SequenceStart sequenceStart:
                    var arr = new JsonArray();
                    Add(arr, false, null);
                    stack.Push((arr, null));
                    if (!sequenceStart.Anchor.IsEmpty)
                    {
                        anchors[sequenceStart.Anchor.Value] = arr;
                    }

                    break;
                case MappingEnd:
                case SequenceEnd:
                    stack.Pop();
                    break;
                case AnchorAlias alias:
                    var target = anchors.TryGetValue(alias.Value.Value, out var found) ? found?.DeepClone() : null;
                    Add(target, target is JsonValue, target?.ToString());
                    break;
            }

            if (rootSet && stack.Count == 0 && root is not null and not JsonValue)
            {
                // First document only.
                break;
            }
        }

        return root;
    }

    private static JsonNode? ScalarToNode(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if ((char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }
}
