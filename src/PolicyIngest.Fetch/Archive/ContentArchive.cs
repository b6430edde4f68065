using System.Security.Cryptography;

namespace PolicyIngest.Fetch.Archive;

/// <summary>
/// Every original file, stored once under its SHA-256: <c>archive/ab/abcdef…</c> under the data directory.
/// A file is written to a temporary name in the same folder, flushed to disk, then renamed into place, so a
/// file under its final name is always complete; temporaries left by a killed process are swept on open.
/// </summary>
public sealed class ContentArchive
{
    private const string TempPrefix = ".tmp-";

    public ContentArchive(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        SweptTemporaries = SweepTemporaries();
    }

    public string Root { get; }

    /// <summary>How many partial files an earlier, interrupted process had left (removed on open).</summary>
    public int SweptTemporaries { get; }

    /// <summary>The path relative to the archive root, e.g. <c>ab/abcdef…</c>.</summary>
    public static string RelativePathFor(string sha256) => Path.Combine(sha256[..2], sha256);

    public string PathFor(string sha256) => Path.Combine(Root, RelativePathFor(sha256));

    public bool Contains(string sha256) => File.Exists(PathFor(sha256));

    /// <summary>Stores the bytes (idempotent) and returns their path relative to the archive root.</summary>
    public string Store(string sha256, ReadOnlySpan<byte> bytes)
    {
        var final = PathFor(sha256);
        if (File.Exists(final)) return RelativePathFor(sha256);
        var folder = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $"{TempPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            try { File.Move(temp, final, overwrite: false); }
            catch (IOException) when (File.Exists(final)) { /* another writer stored the same bytes first */ }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return RelativePathFor(sha256);
    }

    public byte[] Read(string sha256) => File.ReadAllBytes(PathFor(sha256));

    /// <summary>Files whose content no longer matches their name (should be none): for tests and `doctor`-style checks.</summary>
    public IEnumerable<string> Corrupt()
    {
        foreach (var file in Files())
        {
            using var stream = File.OpenRead(file);
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), Path.GetFileName(file), StringComparison.Ordinal))
                yield return file;
        }
    }

    public IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith(TempPrefix, StringComparison.Ordinal));

    public IEnumerable<string> Temporaries() =>
        Directory.EnumerateFiles(Root, TempPrefix + "*", SearchOption.AllDirectories);

    private static bool WriterIsAlive(string tempName)
    {
        var rest = tempName[TempPrefix.Length..];
        var dash = rest.IndexOf('-');
        if (dash <= 0 || !int.TryParse(rest[..dash], out var pid) || pid == Environment.ProcessId) return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private int SweepTemporaries()
    {
        var swept = 0;
        foreach (var temp in Temporaries().ToList())
        {
            // A temporary of a live process (another pipeline writing now) is left to that process.
            if (WriterIsAlive(Path.GetFileName(temp))) continue;
            try { File.Delete(temp); swept++; }
            catch (IOException) { }
        }
        return swept;
    }
}
