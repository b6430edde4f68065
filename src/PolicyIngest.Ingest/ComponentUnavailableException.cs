namespace PolicyIngest.Ingest;

/// <summary>
/// A part of the installation that every file needs (the clause classifier's model) failed to load: not the input's
/// fault, so never that file's error; it reaches the CLI as an internal error (exit 4) with its log.
/// </summary>
public sealed class ComponentUnavailableException(string message, Exception inner) : Exception(message, inner);
