using System.Text.Json.Nodes;

namespace Connect.Emulator.Rql;

/// <summary>A dotted property path, split into segments once at parse time.</summary>
internal sealed class RqlPath : IEquatable<RqlPath>
{
    private RqlPath(string text, string[] segments)
    {
        Text = text;
        Segments = segments;
    }

    /// <summary>The dotted form, e.g. <c>asset.product.id</c>.</summary>
    public string Text { get; }

    public IReadOnlyList<string> Segments { get; }

    /// <summary>
    /// Normalizes a property name: the legacy django-filter spelling <c>a__b__c</c> becomes <c>a.b.c</c>.
    /// </summary>
    public static RqlPath Create(string name)
    {
        var text = name.Contains("__", StringComparison.Ordinal) ? name.Replace("__", ".", StringComparison.Ordinal) : name;
        return new RqlPath(text, text.Split('.'));
    }

    /// <summary>
    /// Removes the property this path names from <paramref name="node"/> (a document being projected); a path
    /// that crosses an array removes it from every element.
    /// </summary>
    public void RemoveFrom(JsonNode? node) => Remove(node, 0);

    private void Remove(JsonNode? node, int index)
    {
        while (true)
        {
            switch (node)
            {
                case JsonArray array:
                    foreach (var element in array)
                    {
                        Remove(element, index);
                    }

                    return;
                case JsonObject obj when index == Segments.Count - 1:
                    obj.Remove(Segments[index]);
                    return;
                case JsonObject obj:
                    if (!obj.TryGetPropertyValue(Segments[index], out node))
                    {
                        return;
                    }

                    index++;
                    break;
                default:
                    return;
            }
        }
    }

    /// <summary>The first value the path reaches (depth first through arrays), or null.</summary>
    public JsonNode? FirstValue(JsonNode? node) => First(node, 0);

    private JsonNode? First(JsonNode? node, int index)
    {
        while (index < Segments.Count)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (!obj.TryGetPropertyValue(Segments[index], out node))
                    {
                        return null;
                    }

                    index++;
                    break;
                case JsonArray array:
                    foreach (var element in array)
                    {
                        var found = First(element, index);
                        if (found is not null)
                        {
                            return found;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        if (node is JsonArray leafArray)
        {
            foreach (var element in leafArray)
            {
                if (element is not null)
                {
                    return element;
                }
            }

            return null;
        }

        return node;
    }

    public bool Equals(RqlPath? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as RqlPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;
}
