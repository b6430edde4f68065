namespace PolicyIngest.Cli;

/// <summary>The exit codes of ../shared/spec/cli.md.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int Usage = 1;
    public const int BadInput = 2;
    public const int PartlyDone = 3;
    public const int Internal = 4;
}

/// <summary>A bug: one line on stderr, the stack trace in a log file.</summary>
public static class InternalError
{
    public static int Report(Exception ex)
    {
        var log = Path.Combine(Path.GetTempPath(), $"policyingest-error-{DateTime.UtcNow:yyyyMMddHHmmss}.log");
        try { File.WriteAllText(log, ex.ToString()); }
        catch (IOException) { log = "(log could not be written)"; }
        Console.Error.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message.Split('\n')[0]} (details: {log})");
        return ExitCodes.Internal;
    }
}
