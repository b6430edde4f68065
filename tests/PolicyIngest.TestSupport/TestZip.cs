using System.IO.Compression;

namespace PolicyIngest.TestSupport;

/// <summary>Zip packages (DOCX, OFD) built or rewritten in memory by the tests.</summary>
public static class TestZip
{
    /// <summary>A zip of <paramref name="entries"/>, in order.</summary>
    public static byte[] Create(params (string Name, byte[] Content)[] entries) => Create(CompressionLevel.SmallestSize, entries);

    public static byte[] Create(CompressionLevel level, params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, level).Open();
                s.Write(content);
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A copy of <paramref name="zipBytes"/> with every entry's content passed through <paramref name="map"/> (null drops the
    /// entry), then <paramref name="append"/> adding what it will.
    /// </summary>
    public static byte[] Rewrite(byte[] zipBytes, Func<string, byte[], byte[]?> map, Action<ZipArchive>? append = null)
    {
        using var input = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var source = entry.Open();
                using var buffer = new MemoryStream();
                source.CopyTo(buffer);
                if (map(entry.FullName, buffer.ToArray()) is not { } data) continue;
                using var target = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                target.Write(data);
            }
            append?.Invoke(zip);
        }
        return output.ToArray();
    }
}
