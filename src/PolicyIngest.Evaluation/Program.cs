using System.CommandLine;
using System.CommandLine.Help;
using PolicyIngest.Cli;
using PolicyIngest.Evaluation;

// The evaluation tool: `evaluate NAME` (quality figures) and `bench NAME` (speed figures), which ./policyingest runs
// here. Its root carries the CLI's global options and is named after the script, so help and usage read as before.
var root = new Command("policyingest", "PolicyIngest measurements: quality (evaluate) and speed (bench) figures; not part of the product");
root.Options.Add(new HelpOption());
foreach (var option in GlobalOptions.All) root.Options.Add(option);
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(EvaluateCommand.CreateBench());
return await CliHost.RunAsync(root, args);
