namespace PolicyIngest.Core;

/// <summary>
/// What <c>--db</c> names: a SQLite file (the default) or a PostgreSQL database as a URL
/// <c>postgresql://USER[:PASSWORD]@HOST[:PORT]/DB</c>. Parsing only; the catalogue project opens it.
/// </summary>
public sealed record CatalogueAddress(string User, string? Password, string Host, int Port, string Database)
{
    public const int DefaultPort = 5432;

    public static bool IsPostgres(string catalogue) =>
        catalogue.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || catalogue.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The address in a <c>postgresql://</c> URL.</summary>
    /// <exception cref="FormatException">not such a URL, or it names no user or no database</exception>
    public static CatalogueAddress Parse(string url)
    {
        if (!IsPostgres(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw new FormatException($"{url}: expected postgresql://USER@HOST:PORT/DB");
        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        var info = uri.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(info[0]);
        if (user.Length == 0 || database.Length == 0 || database.Contains('/'))
            throw new FormatException($"{Redacted(url)}: expected postgresql://USER@HOST:PORT/DB (a user and one database name)");
        return new CatalogueAddress(user, info.Length > 1 ? Uri.UnescapeDataString(info[1]) : null, uri.Host, uri.IsDefaultPort ? DefaultPort : uri.Port, database);
    }

    /// <summary>
    /// The local folder a PostgreSQL catalogue's reports, archive, locks and search index live in, under the home's data/
    /// (each node keeps its own): pg-HOST-PORT-DB.
    /// </summary>
    public string DataFolderName => $"pg-{Safe(Host)}-{Port}-{Safe(Database)}";

    /// <summary>The URL without its password, for messages.</summary>
    public override string ToString() => $"postgresql://{User}@{Host}:{Port}/{Database}";

    private static string Redacted(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':') ? url.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal) : url;

    private static string Safe(string s) => string.Concat(s.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '_'));
}
