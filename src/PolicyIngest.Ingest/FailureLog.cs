namespace PolicyIngest.Ingest;

/// <summary>Where the stack trace of a file that broke a parser goes: the user sees one line, a developer the rest.</summary>
public static class FailureLog
{
    public static string Write(string source, Exception ex)
    {
        var path = Path.Combine(Path.GetTempPath(), $"policyingest-file-error-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Environment.ProcessId}.log");
        try
        {
            File.WriteAllText(path, $"{source}\n{ex}");
            return path;
        }
        catch (Exception io) when (io is IOException or UnauthorizedAccessException)
        {
            return "(log could not be written)";
        }
    }
}
