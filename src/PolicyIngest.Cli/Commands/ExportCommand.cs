using PolicyIngest.Core;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PolicyIngest.Catalogue;
using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Core.Json;
using PolicyIngest.Web.Export;

namespace PolicyIngest.Cli.Commands;

public static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format")
        {
            Description = "xlsx (sheets policies, amounts, clauses), csv (a folder of three .csv files, or one file with --table) or json",
            Required = true,
        };
        format.AcceptOnlyFromAmong("xlsx", "csv", "json");
        var table = new Option<string?>("--table") { Description = "csv only: write just this table (policies, amounts or clauses) to OUT as one file" };
        table.AcceptOnlyFromAmong([.. ExportTables.Names]);
        var all = new Option<bool>("--all-versions") { Description = "every version, not only the current one of each policy" };
        var asOf = new Option<string?>("--as-of") { Description = "status as of this date (yyyy-MM-dd; default today)" };
        var output = new Argument<string>("OUT") { Description = "the file (or, for csv, the folder) to write" };
        var command = new Command("export", "the catalogue as a spreadsheet or file");
        command.Options.Add(format);
        command.Options.Add(table);
        command.Options.Add(all);
        command.Options.Add(asOf);
        command.Arguments.Add(output);
        command.SetAction((parse, ct) =>
        {
            var ctx = new CliContext(parse);
            var fmt = parse.GetValue(format) switch { "xlsx" => ExportFormat.Xlsx, "csv" => ExportFormat.Csv, _ => ExportFormat.Json };
            var oneTable = parse.GetValue(table);
            if (oneTable is not null && fmt != ExportFormat.Csv)
            {
                ctx.Err.WriteLine("error: --table is for --format csv only (xlsx and json always hold all three tables)");
                return Task.FromResult(ExitCodes.Usage);
            }
            var date = ctx.Today;
            if (parse.GetValue(asOf) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                ctx.Err.WriteLine($"error: --as-of: expected yyyy-MM-dd, got '{text}'");
                return Task.FromResult(ExitCodes.Usage);
            }
            var options = new ExportOptions(date, parse.GetValue(all) ? VersionScope.All : VersionScope.Current);
            using var catalogue = ctx.Services.OpenCatalogue();
            var files = new CatalogueExporter(catalogue).WriteTo(parse.GetValue(output)!, fmt, options, oneTable);
            var counts = catalogue.Counts();
            if (ctx.Json)
                ctx.Out.WriteLine(JsonSerializer.Serialize(new { files, policies = counts.Policies, versions = counts.Versions }, PolicyJson.Options));
            else
                foreach (var f in files) ctx.Out.WriteLine(f);
            return Task.FromResult(ExitCodes.Done);
        });
        return command;
    }
}
