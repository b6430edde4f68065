using System.CommandLine;

namespace PolicyIngest.Cli;

/// <summary>
/// Runs a command line as ../shared/spec/cli.md says it ends: UTF-8 output, Ctrl+C → "cancelled" and exit 3, a bug →
/// one line and exit 4 (<see cref="InternalError"/>). The CLI and the evaluation tool both start here.
/// </summary>
public static class CliHost
{
    public static async Task<int> RunAsync(Command root, string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return ExitCodes.PartlyDone;
        }
        catch (Exception ex)
        {
            return InternalError.Report(ex);
        }
    }
}
