using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace PolicyIngest.Read;

/// <summary>
/// What else a folder of policy documents holds, told by the bytes (never the name): JSON data, images, SQLite
/// databases, archives, spreadsheets and presentations. A folder walk skips these; a file named on its own is still
/// read (and refused by <see cref="FormatSniffer"/> and the readers if it is none of their formats).
/// </summary>
public static class ContentKinds
{
    /// <summary>How many leading bytes <see cref="NotADocument"/> wants to see.</summary>
    public const int HeadLength = 64 * 1024;

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] SqliteJournal = [0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7];
    private static readonly byte[] Xz = [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];
    private static readonly byte[] SevenZip = [(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C];
    private static readonly byte[] Zstd = [0x28, 0xB5, 0x2F, 0xFD];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gzip = [0x1F, 0x8B];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// A description ("JSON data", "a PNG image", "a SQLite database", "a gzip archive") when the leading bytes
    /// show the file is no document; else null (a document, or a zip or OLE2 container to look into, or unknown).
    /// </summary>
    /// <param name="head">the first bytes of the file, up to <see cref="HeadLength"/></param>
    /// <param name="whole">whether <paramref name="head"/> is the whole file</param>
    public static string? NotADocument(ReadOnlySpan<byte> head, bool whole)
    {
        if (head.IsEmpty) return null;
        if (head.StartsWith(Png)) return "a PNG image";
        if (head.StartsWith(Jpeg)) return "a JPEG image";
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return "a GIF image";
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return "a TIFF image";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "a WebP image";
        if (head.Length >= 26 && head.StartsWith("BM"u8) && BinaryPrimitives.ReadUInt32LittleEndian(head[6..10]) == 0) return "a BMP image";
        if (head.StartsWith("SQLite format 3\0"u8)) return "a SQLite database";
        if (head.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(head) is 0x377F0682 or 0x377F0683) return "a SQLite write-ahead log";
        if (head.StartsWith(SqliteJournal)) return "a SQLite journal";
        if (head.StartsWith(Gzip)) return "a gzip archive";
        if (head.StartsWith("BZh"u8) && head.Length > 3 && head[3] is >= (byte)'1' and <= (byte)'9') return "a bzip2 archive";
        if (head.StartsWith(Xz)) return "an xz archive";
        if (head.StartsWith(SevenZip)) return "a 7z archive";
        if (head.StartsWith("Rar!\u001A\u0007"u8)) return "a RAR archive";
        if (head.StartsWith(Zstd)) return "a zstd archive";
        if (head.Length >= 262 && head[257..262].SequenceEqual("ustar"u8)) return "a tar archive";
        if (IsJson(head, whole)) return "JSON data";
        return null;
    }

    /// <summary>
    /// A zip container by its entry names (and an OpenDocument package's <c>mimetype</c> entry): null for what may be a
    /// document (Word .docx, OFD, OpenDocument text: the readers say what they can do with it), else what it is.
    /// </summary>
    public static string? NotADocumentPackage(IReadOnlyCollection<string> entryNames, string? odfMimeType = null)
    {
        var names = entryNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.Contains("word/document.xml") || names.Contains("OFD.xml")) return null;
        if (odfMimeType is not null && names.Contains("content.xml"))
        {
            if (odfMimeType.StartsWith("application/vnd.oasis.opendocument.text", StringComparison.Ordinal)) return null;
            if (odfMimeType.StartsWith("application/vnd.oasis.opendocument.spreadsheet", StringComparison.Ordinal)) return "an OpenDocument spreadsheet";
            if (odfMimeType.StartsWith("application/vnd.oasis.opendocument.presentation", StringComparison.Ordinal)) return "an OpenDocument presentation";
            if (odfMimeType.StartsWith("application/vnd.oasis.opendocument.", StringComparison.Ordinal)) return "an OpenDocument file that is not text";
        }
        if (names.Contains("xl/workbook.xml")) return "an xlsx spreadsheet";
        if (names.Contains("ppt/presentation.xml")) return "a pptx presentation";
        return "a zip archive";
    }

    /// <summary>
    /// An OLE2 compound file by the stream names of its first directory sector: null for a Word 97 document or when the
    /// names cannot be read, else "an xls spreadsheet" or "a ppt presentation".
    /// </summary>
    public static string? NotADocumentCompound(ReadOnlySpan<byte> file)
    {
        if (file.Length < 512) return null;
        var shift = BinaryPrimitives.ReadUInt16LittleEndian(file[0x1E..]);
        if (shift is not (9 or 12)) return null;
        var sectorSize = 1 << shift;
        var first = BinaryPrimitives.ReadUInt32LittleEndian(file[0x30..]);
        var offset = ((long)first + 1) * sectorSize;
        if (first >= 0xFFFFFFFA || offset + sectorSize > file.Length) return null;
        var sector = file.Slice((int)offset, sectorSize);
        var names = new List<string>();
        for (var e = 0; e + 128 <= sector.Length; e += 128)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(sector[(e + 64)..]);
            if (length is < 2 or > 64) continue;
            names.Add(Encoding.Unicode.GetString(sector.Slice(e, length - 2)));
        }
        if (names.Contains("WordDocument")) return null;
        if (names.Contains("Workbook") || names.Contains("Book")) return "an xls spreadsheet";
        if (names.Contains("PowerPoint Document")) return "a ppt presentation";
        return null;
    }

    /// <summary>Text that opens with { or [ and is well-formed JSON as far as it goes (all of it when whole).</summary>
    private static bool IsJson(ReadOnlySpan<byte> head, bool whole)
    {
        var text = head.StartsWith(Utf8Bom) ? head[3..] : head;
        var start = 0;
        while (start < text.Length && text[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (start == text.Length || text[start] is not ((byte)'{' or (byte)'[')) return false;
        var reader = new Utf8JsonReader(text[start..], isFinalBlock: whole, state: default);
        try
        {
            while (reader.Read()) { }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
