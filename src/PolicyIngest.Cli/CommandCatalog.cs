using System.CommandLine;
using PolicyIngest.Cli.Commands;

namespace PolicyIngest.Cli;

/// <summary>Every command of ../shared/spec/cli.md, one file each under Commands/.</summary>
public static class CommandCatalog
{
    public static RootCommand Build()
    {
        var root = new RootCommand("PolicyIngest: keeps a catalogue of Chinese industrial-support policies current");
        foreach (var option in GlobalOptions.All) root.Options.Add(option);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(SchedulerCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ReindexCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(ChangesCommand.Create());
        root.Subcommands.Add(MatchCommand.Create());
        root.Subcommands.Add(EvaluationToolCommands.Evaluate());
        root.Subcommands.Add(EvaluationToolCommands.Bench());
        return root;
    }
}
