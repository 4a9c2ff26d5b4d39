using System.Collections;
using System.Text;

namespace Connect.Automation;

/// <summary>
/// The logging scope of one item: structured properties (<c>RequestId</c>, <c>RequestType</c>, <c>ProductId</c>,
/// <c>AssetId</c>, ...) for structured sinks, and a short text for the console.
/// </summary>
internal sealed class ItemScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _properties;

    public ItemScope(params (string Name, string? Value)[] properties)
    {
        _properties = [.. properties.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, object?>(p.Name, p.Value))];
    }

    public int Count => _properties.Length;

    public KeyValuePair<string, object?> this[int index] => _properties[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_properties).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in _properties)
        {
            text.Append(text.Length == 0 ? string.Empty : " ").Append(name).Append('=').Append(value);
        }

        return text.ToString();
    }
}
