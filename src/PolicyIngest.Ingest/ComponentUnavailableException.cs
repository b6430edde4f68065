namespace PolicyIngest.Ingest;

/// <summary>
/// A part of the installation that every file needs (the clause classifier's model) is missing or failed to load: not
/// the input's fault, so never that file's error; the CLI says it in one line and exits 4.
/// </summary>
public sealed class ComponentUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
