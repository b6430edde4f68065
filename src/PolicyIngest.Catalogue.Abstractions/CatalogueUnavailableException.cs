namespace PolicyIngest.Catalogue;

/// <summary>
/// The catalogue named cannot be used as asked: its server cannot be reached or refuses the login, or a setting needs the
/// other engine. A fault of the input, not a bug: the CLI says it in one line (exit 2).
/// </summary>
public sealed class CatalogueUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
