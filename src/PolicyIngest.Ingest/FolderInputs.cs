using System.IO.Compression;
using System.Text;
using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;
using PolicyIngest.Read;
using PolicyIngest.Track.Reports;

namespace PolicyIngest.Ingest;

/// <summary>
/// A file (or folder) a folder walk found: to ingest when <see cref="Skip"/> and <see cref="Unreadable"/> are null,
/// skipped and why, or a folder that could not be listed (a failure of that input, not a skip).
/// </summary>
public sealed record FolderEntry(string Path, string? Skip, string? Unreadable = null);

/// <summary>
/// The files of a folder to ingest. What may be a policy document is tried. Skipped, each with its reason: what the
/// bytes show to be something else (<see cref="ContentKinds"/>: JSON, images, SQLite files, archives, spreadsheets,
/// presentations; CSV tables, scripts, configuration and Markdown notes (README.md) by their names or a #! line, as plain
/// text has no other mark),
/// 新旧对照 reports and 整理版 exports the report writers produced
/// (<see cref="ReportMarker"/>), the folders a catalogue keeps next to its database (<see cref="CatalogueLayout"/>:
/// reports, archive, locks) for the catalogue in use and for any catalogue found in the walk, and hidden files and
/// folders. A file named on the command line is not walked: it is always tried.
/// </summary>
public static class FolderInputs
{
    private const string NotAPolicy = "not a policy document";

    private static readonly (string Suffix, string What)[] SqliteCompanions =
        [("-wal", "a SQLite write-ahead log"), ("-shm", "a SQLite shared-memory index"), ("-journal", "a SQLite journal")];

    private static readonly HashSet<string> SourceExtensions =
    [
        ".py", ".sh", ".bash", ".ps1", ".bat", ".cmd", ".js", ".ts", ".cs", ".csproj", ".sln", ".props", ".java", ".c", ".h", ".cpp",
        ".go", ".rs", ".rb", ".pl", ".php", ".sql", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".conf", ".xml", ".xsd", ".css", ".log",
    ];

    /// <param name="folder">the folder as given (paths found keep it as their prefix)</param>
    /// <param name="catalogueFile">the catalogue the ingest writes to: its folders are skipped wherever the walk meets them</param>
    public static IReadOnlyList<FolderEntry> Walk(string folder, string? catalogueFile) =>
        Walk(folder, catalogueFile is null ? null : (CatalogueLayout.DataDirectory(catalogueFile), CatalogueLayout.SearchIndex(catalogueFile), Path.GetFileName(catalogueFile)));

    /// <param name="folder">the folder as given (paths found keep it as their prefix)</param>
    /// <param name="catalogue">the catalogue the ingest writes to (a SQLite file or a PostgreSQL database): the folders of its
    /// data directory and its search index are skipped wherever the walk meets them</param>
    public static IReadOnlyList<FolderEntry> Walk(string folder, CatalogueStore catalogue) =>
        Walk(folder, (catalogue.DataDirectory, catalogue.SearchIndexPath,
            catalogue.Engine == CatalogueEngine.Sqlite ? Path.GetFileName(catalogue.Path) : Path.GetFileName(catalogue.DataDirectory)));

    private static IReadOnlyList<FolderEntry> Walk(string folder, (string DataDirectory, string SearchIndex, string Name)? catalogue)
    {
        var comparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var owned = new Dictionary<string, string>(comparer);
        if (catalogue is { } c) AddOwnFolders(owned, c.DataDirectory, c.SearchIndex, c.Name);
        var entries = new List<FolderEntry>();
        var visited = new HashSet<string>(comparer);
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            // A folder reached again through a symbolic link is walked once (a link to an ancestor would never end).
            if (!visited.Add(RealPath(directory))) continue;
            List<string> files, subfolders;
            try
            {
                files = Directory.EnumerateFiles(directory).Where(f => !Hidden(f)).ToList();
                subfolders = Directory.EnumerateDirectories(directory).Where(d => !Hidden(d)).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                entries.Add(new FolderEntry(directory + Path.DirectorySeparatorChar, null, $"the folder cannot be listed: {ex.Message}"));
                continue;
            }
            // A catalogue in this folder owns its reports/, archive/ and locks/ beside it.
            foreach (var file in files.Where(f => Head(f) is { } head && head.AsSpan().StartsWith("SQLite format 3\0"u8) && CatalogueLayout.IsCatalogue(f)))
                AddOwnFolders(owned, CatalogueLayout.DataDirectory(file), CatalogueLayout.SearchIndex(file), Path.GetFileName(file));
            entries.AddRange(files.Select(f => new FolderEntry(f, Triage(f))));
            foreach (var sub in subfolders)
            {
                if (owned.TryGetValue(Path.GetFullPath(sub), out var what)) entries.Add(new FolderEntry(sub + Path.DirectorySeparatorChar, what));
                else pending.Push(sub);
            }
        }
        return entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
    }

    private static void AddOwnFolders(Dictionary<string, string> owned, string dataDirectory, string searchIndex, string catalogueName)
    {
        foreach (var name in CatalogueLayout.OwnFolders)
            owned.TryAdd(Path.Combine(dataDirectory, name), $"the catalogue's own {name} folder (next to {catalogueName}), not policy documents");
        owned.TryAdd(searchIndex, $"the search index of {catalogueName}, not policy documents");
    }

    private static string RealPath(string directory)
    {
        try { return Directory.ResolveLinkTarget(directory, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(directory); }
        catch (IOException) { return Path.GetFullPath(directory); }
    }

    private static bool Hidden(string path) => Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar)).StartsWith('.');

    /// <summary>Why the file is skipped, or null to try it.</summary>
    public static string? Triage(string file)
    {
        if (Head(file) is not { } head) return null; // unreadable here: let the ingest report it
        // SQLite's files beside a database: the shared-memory index has no mark, and the log is empty until written to.
        foreach (var (suffix, what) in SqliteCompanions)
        {
            if (file.EndsWith(suffix, StringComparison.Ordinal) && Head(file[..^suffix.Length]) is { } db && db.AsSpan().StartsWith("SQLite format 3\0"u8))
                return $"{NotAPolicy} ({what})";
        }
        var length = new FileInfo(file).Length;
        if (ContentKinds.NotADocument(head, whole: length <= head.Length) is { } kind) return $"{NotAPolicy} ({kind})";
        if (head.AsSpan().StartsWith("PK\u0003\u0004"u8)) return PackageKind(file) is { } package ? $"{NotAPolicy} ({package})" : null;
        var format = FormatSniffer.Detect(head);
        if (format == SourceFormat.Doc)
            return ContentKinds.NotADocumentCompound(File.ReadAllBytes(file)) is { } compound ? $"{NotAPolicy} ({compound})" : null;
        if (format is SourceFormat.Html or SourceFormat.Txt or null)
        {
            // Plain text carries no mark of what it is: a table, a script or a configuration file is told by its name.
            var extension = Path.GetExtension(file).ToLowerInvariant();
            if (format != SourceFormat.Html && extension is ".csv" or ".tsv")
                return $"{NotAPolicy} (a {extension[1..].ToUpperInvariant()} table)";
            if (format != SourceFormat.Html && (head.AsSpan().StartsWith("#!"u8) || SourceExtensions.Contains(extension)))
                return $"{NotAPolicy} (source code or configuration)";
            var text = Encoding.UTF8.GetString(head, 0, Math.Min(head.Length, 8192));
            if (ReportMarker.IsReport(text))
                return text.Contains(ReportMarker.Consolidated, StringComparison.Ordinal)
                    ? "the catalogue's own output (a 整理版 export), not a policy document"
                    : "the catalogue's own output (a 新旧对照 report), not a policy document";
            // A folder's README and notes (data/real/README.md was catalogued as a policy "in force" and led searches).
            if (format != SourceFormat.Html && extension is ".md" or ".markdown" or ".rst")
                return $"{NotAPolicy} (documentation: a {(extension == ".rst" ? "reStructuredText" : "Markdown")} file)";
        }
        return null;
    }

    private static string? PackageKind(string file)
    {
        try
        {
            using var zip = ZipFile.OpenRead(file);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            // A 整理版 exported by `show --consolidated --docx` (or the web page) carries the report mark in its core properties.
            if (zip.GetEntry("docProps/core.xml") is { Length: < 65_536 } core)
            {
                using var reader = new StreamReader(core.Open(), Encoding.UTF8);
                if (reader.ReadToEnd().Contains(ReportMarker.Consolidated, StringComparison.Ordinal)) return "the catalogue's own 整理版 export";
            }
            string? mime = null;
            if (zip.GetEntry("mimetype") is { Length: < 256 } entry)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
                mime = reader.ReadToEnd().Trim();
            }
            return ContentKinds.NotADocumentPackage(names, mime);
        }
        catch (InvalidDataException)
        {
            return null; // a damaged zip: tried, and refused with the reader's reason
        }
    }

    private static byte[]? Head(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[(int)Math.Min(ContentKinds.HeadLength, stream.Length)];
            stream.ReadExactly(buffer);
            return buffer;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
