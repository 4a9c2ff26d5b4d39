using System.IO.Hashing;
using System.Text;

namespace Connect.Reliability.Tests;

/// <summary>
/// Hostile .xlsx uploads built in the test, a few MB each, that expand to gigabytes: the deflate data is written by hand
/// (one fixed-Huffman block, long runs as 258-byte copies of the byte before: 13 bits per 258 bytes), so a 3 GiB
/// worksheet costs a second to make and nothing big is committed to the repository.
/// </summary>
internal static class HostileWorkbooks
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A worksheet of <paramref name="whitespace"/> bytes of spaces; <paramref name="declareSize"/> false declares it as 1 KB.</summary>
    public static byte[] WhitespaceBomb(long whitespace, bool declareSize = true) => Package(
        Sheet(new Deflate().Literal($"<worksheet xmlns=\"{Main}\"><sheetData>").Run((byte)' ', whitespace).Literal("</sheetData></worksheet>")),
        sharedStrings: null,
        declareSize);

    /// <summary>A header row, then <paramref name="cells"/> inline-string cells of <paramref name="length"/> characters each.</summary>
    public static byte[] HugeCells(int cells, long length)
    {
        var sheet = new Deflate().Literal($"<worksheet xmlns=\"{Main}\"><sheetData>{HeaderRow}<row r=\"2\">");
        for (var i = 0; i < cells; i++)
        {
            sheet.Literal($"<c t=\"inlineStr\"><is><t>").Run((byte)'B', length).Literal("</t></is></c>");
        }

        return Package(Sheet(sheet.Literal("</row></sheetData></worksheet>")), sharedStrings: null, declareSize: true);
    }

    /// <summary>A shared string table holding one string of <paramref name="length"/> characters, used by one cell.</summary>
    public static byte[] OneHugeString(long length)
    {
        var strings = new Deflate().Literal($"<sst xmlns=\"{Main}\" count=\"1\" uniqueCount=\"1\"><si><t>").Run((byte)'C', length).Literal("</t></si></sst>");
        var sheet = new Deflate().Literal($"<worksheet xmlns=\"{Main}\"><sheetData>{HeaderRow}<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>");
        return Package(Sheet(sheet), strings, declareSize: true);
    }

    private static string HeaderRow =>
        "<row r=\"1\">" + string.Concat(new[] { "record_id", "item_search_criteria", "item_search_value", "quantity", "start_time_utc", "end_time_utc", "asset_search_criteria", "asset_search_value" }
            .Select(h => $"<c t=\"inlineStr\"><is><t>{h}</t></is></c>")) + "</row>";

    private static Deflate Sheet(Deflate deflate) => deflate;

    private static byte[] Package(Deflate sheet, Deflate? sharedStrings, bool declareSize)
    {
        var rels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";
        var types = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""";
        var workbook = $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="usage_records" sheetId="1" r:id="rId1"/></sheets></workbook>""";
        var workbookRels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"""
            + (sharedStrings is null ? "" : """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""")
            + "</Relationships>";
        var zip = new ZipWriter();
        zip.Stored("[Content_Types].xml", Encoding.UTF8.GetBytes(types));
        zip.Stored("_rels/.rels", Encoding.UTF8.GetBytes(rels));
        zip.Stored("xl/workbook.xml", Encoding.UTF8.GetBytes(workbook));
        zip.Stored("xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes(workbookRels));
        zip.Deflated("xl/worksheets/sheet1.xml", sheet, declareSize);
        if (sharedStrings is not null)
        {
            zip.Deflated("xl/sharedStrings.xml", sharedStrings, declareSize);
        }

        return zip.Finish();
    }

    /// <summary>Raw deflate, one final fixed-Huffman block: literals, and runs as copies at distance 1.</summary>
    internal sealed class Deflate
    {
        private readonly MemoryStream _out = new();
        private ulong _bits;
        private int _count;
        private bool _finished;

        public Deflate() => Bits(0b011, 3); // BFINAL = 1, BTYPE = 01 (fixed Huffman)

        /// <summary>Bytes it inflates to.</summary>
        public long Length { get; private set; }

        /// <summary>CRC-32 of what it inflates to, when known (runs are not hashed: the reader never gets that far).</summary>
        public uint Crc { get; private set; }

        public Deflate Literal(string text)
        {
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                Symbol(b);
            }

            Length += Encoding.UTF8.GetByteCount(text);
            return this;
        }

        public Deflate Run(byte value, long count)
        {
            Symbol(value);
            var left = count - 1;
            while (left >= 258)
            {
                Code(0b11000101, 8); // length 258 (symbol 285)
                Code(0, 5); // distance 1
                left -= 258;
            }

            for (; left > 0; left--)
            {
                Symbol(value);
            }

            Length += count;
            return this;
        }

        public byte[] Finish()
        {
            if (!_finished)
            {
                Code(0, 7); // end of block (symbol 256)
                if (_count > 0)
                {
                    _out.WriteByte((byte)_bits);
                }

                _finished = true;
            }

            return _out.ToArray();
        }

        private void Symbol(int literal)
        {
            if (literal < 144)
            {
                Code(0x30 + literal, 8);
            }
            else
            {
                Code(0x190 + literal - 144, 9);
            }
        }

        /// <summary>A Huffman code: most significant bit first.</summary>
        private void Code(int code, int length)
        {
            var reversed = 0;
            for (var i = 0; i < length; i++)
            {
                reversed |= ((code >> i) & 1) << (length - 1 - i);
            }

            Bits((ulong)reversed, length);
        }

        private void Bits(ulong value, int length)
        {
            _bits |= value << _count;
            _count += length;
            while (_count >= 8)
            {
                _out.WriteByte((byte)_bits);
                _bits >>= 8;
                _count -= 8;
            }
        }
    }

    /// <summary>A minimal zip writer (no zip64: every entry stays under 4 GiB).</summary>
    private sealed class ZipWriter
    {
        private readonly MemoryStream _out = new();
        private readonly MemoryStream _central = new();
        private int _entries;

        public void Stored(string name, byte[] data) => Entry(name, 0, data, Crc32.HashToUInt32(data), (uint)data.Length);

        public void Deflated(string name, Deflate deflate, bool declareSize) =>
            Entry(name, 8, deflate.Finish(), 0, declareSize ? (uint)deflate.Length : 1024);

        public byte[] Finish()
        {
            var offset = (uint)_out.Position;
            _central.Position = 0;
            _central.CopyTo(_out);
            using var w = new BinaryWriter(_out, Encoding.UTF8, leaveOpen: true);
            w.Write(0x06054b50u);
            w.Write((ushort)0);
            w.Write((ushort)0);
            w.Write((ushort)_entries);
            w.Write((ushort)_entries);
            w.Write((uint)_central.Length);
            w.Write(offset);
            w.Write((ushort)0);
            return _out.ToArray();
        }

        private void Entry(string name, ushort method, byte[] data, uint crc, uint size)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var offset = (uint)_out.Position;
            using (var w = new BinaryWriter(_out, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(0x04034b50u);
                w.Write((ushort)20);
                w.Write((ushort)0);
                w.Write(method);
                w.Write((ushort)0);
                w.Write((ushort)0x21);
                w.Write(crc);
                w.Write((uint)data.Length);
                w.Write(size);
                w.Write((ushort)nameBytes.Length);
                w.Write((ushort)0);
                w.Write(nameBytes);
                w.Write(data);
            }

            using (var c = new BinaryWriter(_central, Encoding.UTF8, leaveOpen: true))
            {
                c.Write(0x02014b50u);
                c.Write((ushort)20);
                c.Write((ushort)20);
                c.Write((ushort)0);
                c.Write(method);
                c.Write((ushort)0);
                c.Write((ushort)0x21);
                c.Write(crc);
                c.Write((uint)data.Length);
                c.Write(size);
                c.Write((ushort)nameBytes.Length);
                c.Write((ushort)0);
                c.Write((ushort)0);
                c.Write((ushort)0);
                c.Write((ushort)0);
                c.Write(0u);
                c.Write(offset);
                c.Write(nameBytes);
            }

            _entries++;
        }
    }
}
