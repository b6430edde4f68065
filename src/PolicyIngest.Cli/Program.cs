using System.CommandLine;
using PolicyIngest.Cli;

Console.OutputEncoding = System.Text.Encoding.UTF8;
var root = CommandCatalog.Build();
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
