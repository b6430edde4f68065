using PolicyIngest.Cli;

namespace PolicyIngest.Cli.Tests;

/// <summary>The progress bar is for a terminal's eyes only: never in JSON runs, never when stderr is redirected.</summary>
public class ProgressTest
{
    [Fact]
    public void Run_WithJson_RunsTheWorkAndShowsNothing()
    {
        var err = Console.Error;
        using var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            var result = ConsoleProgress.Run(json: true, "ingest", 3, progress =>
            {
                for (var i = 0; i < 3; i++) progress.Report(new ProgressStep(i, 3, $"file{i}.pdf"));
                return 42;
            });

            Assert.Equal(42, result);
            Assert.False(ConsoleProgress.Shown(json: true));
            Assert.Equal("", captured.ToString());
        }
        finally
        {
            Console.SetError(err);
        }
    }

    [Fact]
    public void Shown_FollowsWhetherStderrIsATerminal()
    {
        // why: a test host's stderr is a pipe or a file (never a terminal here), so no bar is shown
        Assert.Equal(!Console.IsErrorRedirected, ConsoleProgress.Shown(json: false));
    }

    [Fact]
    public void IngestFolder_StderrRedirected_PrintsNoProgressOrAnsi()
    {
        using var dir = new TempDir();
        var folder = Directory.CreateDirectory(dir.File("in")).FullName;
        File.Copy(RepositoryPaths.Revision("08_"), Path.Combine(folder, "a.txt"));
        File.Copy(RepositoryPaths.Revision("09_"), Path.Combine(folder, "b.txt"));

        var result = CliRunner.Run("ingest", folder, "--db", dir.File("c.db"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        foreach (var output in new[] { result.StdOut, result.StdErr })
        {
            Assert.DoesNotContain('\u001b', output); // no ANSI escape (cursor moves, colours)
            Assert.DoesNotContain('━', output);      // no bar
            Assert.DoesNotContain('%', output);      // no percentage
        }
    }
}
