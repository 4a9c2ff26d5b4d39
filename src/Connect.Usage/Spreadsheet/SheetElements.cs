using DocumentFormat.OpenXml.Spreadsheet;

namespace Connect.Usage;

/// <summary>
/// The SpreadsheetML element prototypes handed to <see cref="DocumentFormat.OpenXml.OpenXmlWriter"/>, with their names
/// as constants.
/// </summary>
/// <remarks>
/// <see cref="DocumentFormat.OpenXml.OpenXmlPartWriter"/> reads an element's <c>Prefix</c>, <c>LocalName</c> and
/// <c>NamespaceUri</c> on every start tag; for the SDK's generated classes each of those goes through the element's
/// feature collection and metadata (the prefix through a namespace resolver as well), which was over a third of the
/// CPU time of a million-row sheet. The three properties are public virtual members of
/// <see cref="DocumentFormat.OpenXml.OpenXmlElement"/>, so these subclasses of the SDK's own element types answer them
/// from constants; everything else (what the writer checks, such as <see cref="DocumentFormat.OpenXml.OpenXmlLeafTextElement"/>
/// for text) is the SDK's. The prefix is empty: the root element declares SpreadsheetML as the default namespace (as
/// Excel writes it), which also leaves the <c>x:</c> out of every tag of the sheet.
/// </remarks>
internal static class SheetElements
{
    public const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    internal sealed class WorksheetElement : Worksheet
    {
        public override string Prefix => string.Empty;

        public override string LocalName => "worksheet";

        public override string NamespaceUri => MainNamespace;
    }

    internal sealed class SheetDataElement : SheetData
    {
        public override string Prefix => string.Empty;

        public override string LocalName => "sheetData";

        public override string NamespaceUri => MainNamespace;
    }

    internal sealed class SharedStringTableElement : SharedStringTable
    {
        public override string Prefix => string.Empty;

        public override string LocalName => "sst";

        public override string NamespaceUri => MainNamespace;
    }

    internal sealed class SharedStringItemElement : SharedStringItem
    {
        public override string Prefix => string.Empty;

        public override string LocalName => "si";

        public override string NamespaceUri => MainNamespace;
    }

    internal sealed class RowElement : Row
    {
        public override string Prefix => string.Empty;

        public override string LocalName => "row";

        public override string NamespaceUri => MainNamespace;
    }

    internal sealed class CellElement : Cell
    {
        public override string Prefix => string.Empty;

        public override string LocalName => "c";

        public override string NamespaceUri => MainNamespace;
    }

    internal sealed class InlineStringElement : InlineString
    {
        public override string Prefix => string.Empty;

        public override string LocalName => "is";

        public override string NamespaceUri => MainNamespace;
    }

    internal sealed class TextElement : Text
    {
        public override string Prefix => string.Empty;

        public override string LocalName => "t";

        public override string NamespaceUri => MainNamespace;
    }

    internal sealed class CellValueElement : CellValue
    {
        public override string Prefix => string.Empty;

        public override string LocalName => "v";

        public override string NamespaceUri => MainNamespace;
    }
}
