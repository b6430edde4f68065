namespace PolicyIngest.Catalogue;

/// <summary>
/// The catalogue already holds a version with these bytes: another process stored them between this one's look-up and
/// its write. Nothing of this write was kept; looking the bytes up again finds the stored version. The catalogue throws
/// it in place of its database's constraint error, so callers need not know which database that was.
/// </summary>
public sealed class DuplicateVersionException(string sha256, Exception? inner = null)
    : Exception($"a version with these bytes (sha256 {sha256}) is already catalogued", inner)
{
    public string Sha256 { get; } = sha256;
}
