using System.CommandLine;
using PolicyIngest.Cli.Commands;

namespace PolicyIngest.Cli;

/// <summary>Every command of ../shared/spec/cli.md, one file each under Commands/.</summary>
public static class CommandCatalog
{
    public static RootCommand Build()
    {
        var root = new RootCommand("PolicyIngest: keeps a catalogue of Chinese industrial-support policies current");
        root.Options.Add(GlobalOptions.Db);
        root.Options.Add(GlobalOptions.Json);
        root.Options.Add(GlobalOptions.MaxFileMb);
        root.Options.Add(GlobalOptions.FileTimeout);
        root.Options.Add(GlobalOptions.PdfEngine);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(SchedulerCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(ChangesCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(EvaluateCommand.CreateBench());
        return root;
    }
}
