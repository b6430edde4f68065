namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// The places a document means by 本省/省内, 本市/我市 and 本区/我区/区内/县内 (from its issuer or source). Any may be unknown;
/// an unknown one leaves the words as written.
/// </summary>
public sealed record PlaceContext(string? Province = null, string? City = null, string? District = null)
{
    public static readonly PlaceContext Unknown = new();
}
