using System.CommandLine;
using PolicyIngest.Core;
using PolicyIngest.Core.Json;
using PolicyIngest.Ingest;

namespace PolicyIngest.Cli.Commands;

public static class ExtractCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "a PDF, OFD, DOCX, DOC/WPS, HTML or text file" };
        var command = new Command("extract", "read one file and print its PolicyDocument (document.schema.json); touches no catalogue");
        command.Arguments.Add(file);
        command.SetAction((parse, ct) =>
        {
            var ctx = new CliContext(parse);
            var path = parse.GetValue(file)!;
            byte[] bytes;
            try
            {
                var length = new FileInfo(path).Length;
                if (length > ctx.ReadOptions.MaxFileBytes)
                {
                    ctx.Err.WriteLine($"error: {path}: file is {length:N0} bytes, over the {ctx.ReadOptions.MaxFileBytes:N0}-byte limit (--max-file-mb)");
                    return Task.FromResult(ExitCodes.BadInput);
                }
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                ctx.Err.WriteLine($"error: {path}: {ex.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }
            try
            {
                var document = ctx.Services.CreateProcessor(ctx.ReadOptions).Process(bytes, path, ct);
                if (ctx.Json) ctx.Out.WriteLine(PolicyJson.Serialize(document));
                else DocumentPrinter.Print(ctx.Out, document);
                foreach (var w in document.Warnings) ctx.Err.WriteLine($"warning: {path}: {w}");
                return Task.FromResult(ExitCodes.Done);
            }
            catch (UnreadableDocumentException ex)
            {
                ctx.Err.WriteLine($"error: {path}: {ex.Reason}");
                return Task.FromResult(ExitCodes.BadInput);
            }
        });
        return command;
    }
}
