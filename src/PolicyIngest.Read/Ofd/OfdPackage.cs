using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using PolicyIngest.Core;

namespace PolicyIngest.Read.Ofd;

/// <summary>
/// The zip container of an OFD file: parts looked up by path (GB/T 33190 locations are relative to the part that names
/// them, or absolute from the package root), every inflated byte counted against the zip-bomb limit, XML parsed with
/// DTDs prohibited and no resolver (no external entities, no entity expansion).
/// </summary>
internal sealed class OfdPackage : IDisposable
{
    public const string RootPart = "OFD.xml";

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private readonly long _maxUncompressedBytes;
    private long _inflated;

    private OfdPackage(ZipArchive zip, long maxUncompressedBytes)
    {
        _zip = zip;
        _maxUncompressedBytes = maxUncompressedBytes;
        _entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries) _entries.TryAdd(Normalize(entry.FullName), entry);
    }

    /// <exception cref="UnreadableDocumentException">not a zip, no OFD.xml, declared sizes over the limit</exception>
    public static OfdPackage Open(byte[] bytes, long maxUncompressedBytes)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read); }
        catch (InvalidDataException ex)
        {
            throw new UnreadableDocumentException($"not a valid zip archive, so not a readable OFD ({FirstLine(ex.Message)})", ex);
        }
        var package = new OfdPackage(zip, maxUncompressedBytes);
        if (!package._entries.ContainsKey(RootPart))
        {
            package.Dispose();
            throw new UnreadableDocumentException("a zip archive but not an OFD document (no OFD.xml)");
        }
        var declared = zip.Entries.Sum(e => e.Length);
        if (declared > maxUncompressedBytes)
        {
            package.Dispose();
            throw new UnreadableDocumentException($"unpacks to {declared:N0} bytes, over the {maxUncompressedBytes:N0}-byte limit (zip bomb guard)");
        }
        return package;
    }

    public bool Contains(string path) => _entries.ContainsKey(Normalize(path));

    /// <summary>The part parsed as XML, or null when the package has no such part.</summary>
    /// <exception cref="UnreadableDocumentException">damaged zip data, malformed XML, a DTD, more inflated bytes than allowed</exception>
    public XDocument? LoadXml(string path)
    {
        if (!_entries.TryGetValue(Normalize(path), out var entry)) return null;
        var bytes = Inflate(entry);
        _ = TextDecoding.Gb18030; // registers the code-pages provider: some producers declare encoding="GB2312"
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new UnreadableDocumentException($"the OFD part {Normalize(path)} holds a DTD: refused (DTDs and external entities are never processed)", ex);
        }
        catch (XmlException ex)
        {
            throw new UnreadableDocumentException($"the OFD is damaged: {Normalize(path)} is not well-formed XML ({FirstLine(ex.Message)})", ex);
        }
    }

    /// <summary>Declared sizes can lie: what really comes out of the deflater is counted over the whole package.</summary>
    private byte[] Inflate(ZipArchiveEntry entry)
    {
        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                _inflated += read;
                if (_inflated > _maxUncompressedBytes)
                    throw new UnreadableDocumentException($"unpacks to more than {_maxUncompressedBytes:N0} bytes (zip bomb guard)");
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new UnreadableDocumentException($"the OFD is damaged: {entry.FullName} cannot be unpacked ({FirstLine(ex.Message)})", ex);
        }
    }

    /// <summary>
    /// A location as GB/T 33190 writes it (<c>Pages/Page_0/Content.xml</c> relative to the naming part's folder,
    /// <c>/Doc_0/…</c> absolute) → a package path. <c>.</c> and <c>..</c> segments are resolved; nothing climbs above the root.
    /// </summary>
    public static string Resolve(string baseFolder, string location)
    {
        var loc = location.Trim().Replace('\\', '/');
        var combined = loc.StartsWith('/') || baseFolder.Length == 0 ? loc : baseFolder + "/" + loc;
        var parts = new List<string>();
        foreach (var segment in combined.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(segment);
        }
        return string.Join('/', parts);
    }

    public static string FolderOf(string path)
    {
        var normalized = Normalize(path);
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? "" : normalized[..slash];
    }

    private static string Normalize(string path) => Resolve("", path);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    public void Dispose() => _zip.Dispose();
}
