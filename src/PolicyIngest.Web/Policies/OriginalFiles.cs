using PolicyIngest.Catalogue;
using System.Security.Cryptography;
using PolicyIngest.Catalogue.Reads;

namespace PolicyIngest.Web.Policies;

/// <summary>An original file found for a version: where its bytes are, and the name and type to send it under.</summary>
public sealed record OriginalFile(string Path, string FileName, string ContentType);

/// <summary>Another file of a version: the same text in another format (a rendition), as the catalogue lists it.</summary>
public sealed record RenditionFile(string Sha256, string Source, string Format, string Role = VersionFileRoles.Rendition);

/// <summary>
/// Finds the original bytes of a catalogue version. The request names only a version id; the file is looked up
/// by the version's SHA-256 in the content-addressed archive, or else taken from the path the catalogue recorded at
/// ingest — and then only when the bytes there still hash to that SHA-256. A path never comes from the URL.
/// </summary>
public sealed class OriginalFiles(Func<string, string?> archiveLookup)
{
    public OriginalFile? Find(VersionStatusRow version) => Find(version, version.Sha256, version.Source, version.Format);

    /// <summary>
    /// Another file of the version (the same text in another format, <c>version_file</c>), by its SHA-256: looked up
    /// the same way, named after the version's title with that file's own extension.
    /// </summary>
    public OriginalFile? Find(VersionStatusRow version, RenditionFile file) => Find(version, file.Sha256, file.Source, file.Format);

    private OriginalFile? Find(VersionStatusRow version, string sha256, string source, string format)
    {
        var path = archiveLookup(sha256) is { } archived && File.Exists(archived) ? archived
            : IsLocalFile(source) && HashMatches(source, sha256) ? source
            : null;
        return path is null ? null : new OriginalFile(path, DownloadName(version, format), ContentType(format));
    }

    private static bool IsLocalFile(string source) =>
        !source.Contains("://", StringComparison.Ordinal) && System.IO.Path.IsPathFullyQualified(source) && File.Exists(source);

    private static bool HashMatches(string path, string sha256)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), sha256, StringComparison.OrdinalIgnoreCase);
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>The title (or doc number) and the format's extension; characters file systems reject are dropped.</summary>
    public static string DownloadName(VersionStatusRow version) => DownloadName(version, version.Format);

    private static string DownloadName(VersionStatusRow version, string format)
    {
        var stem = string.IsNullOrWhiteSpace(version.Title) ? version.VersionId : version.Title;
        var invalid = System.IO.Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var clean = new string(stem.Where(c => !invalid.Contains(c) && !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length > 80) clean = clean[..80];
        return $"{(clean.Length == 0 ? version.VersionId : clean)}.{format}";
    }

    public static string ContentType(string format) => format switch
    {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc" => "application/msword",
        "ofd" => "application/ofd",
        "html" => "application/octet-stream", // never rendered as a page of ours
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
