using System.CommandLine;

namespace PolicyIngest.Cli;

/// <summary>
/// Runs a command line as ../shared/spec/cli.md says it ends: UTF-8 output, Ctrl+C → "cancelled" and exit 3, a bug →
/// one line and exit 4 (<see cref="InternalError"/>); an unusable installation (no home with models/, no classifier
/// model) → <c>error: …</c> in one line and exit 4. The CLI and the evaluation tool both start here.
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
        catch (PolicyIngest.Core.SettingsException ex)
        {
            // The installation or the settings cannot be used: one line, no log (there is no bug to look into).
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ex.IsUsage ? ExitCodes.Usage : ExitCodes.Internal;
        }
        catch (PolicyIngest.Catalogue.CatalogueUnavailableException ex)
        {
            // The catalogue named cannot be used (its server is down, a setting needs the other engine): bad input.
            await Console.Error.WriteLineAsync($"error: {ex.Message.Split('\n')[0]}");
            return ExitCodes.BadInput;
        }
        catch (PolicyIngest.Ingest.ComponentUnavailableException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message.Split('\n')[0]}");
            return ExitCodes.Internal;
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
