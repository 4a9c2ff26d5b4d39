using System.Collections;
using DocumentFormat.OpenXml;

namespace Connect.Usage;

/// <summary>
/// A fixed attribute list that is its own enumerator, so handing it to
/// <see cref="OpenXmlWriter.WriteStartElement(OpenXmlElement, IEnumerable{OpenXmlAttribute}, IEnumerable{KeyValuePair{string, string}})"/>
/// allocates nothing (an array would allocate an enumerator per cell, a quarter of a gigabyte per million rows).
/// </summary>
/// <remarks>
/// One enumeration at a time: each instance belongs to one writer and is used on its thread. An entry can be replaced
/// between uses (a cell reference).
/// </remarks>
internal sealed class ReusableAttributes(params OpenXmlAttribute[] attributes) : IEnumerable<OpenXmlAttribute>, IEnumerator<OpenXmlAttribute>
{
    private int _index = -1;

    public OpenXmlAttribute this[int index]
    {
        get => attributes[index];
        set => attributes[index] = value;
    }

    public OpenXmlAttribute Current => attributes[_index];

    object IEnumerator.Current => Current;

    public IEnumerator<OpenXmlAttribute> GetEnumerator()
    {
        _index = -1;
        return this;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool MoveNext() => ++_index < attributes.Length;

    public void Reset() => _index = -1;

    public void Dispose()
    {
    }
}
