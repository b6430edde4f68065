using System.Text.Json;

namespace PolicyIngest.Cli.Tests;

/// <summary>
/// A `dotnet publish`ed CLI runs from any folder given $POLICYINGEST_HOME, and without a home says so in one line (#17):
/// nothing walks up from the binary looking for the repository.
/// </summary>
public class PublishTest
{
    [Fact]
    public void Published_RunsAnywhereWithHome_AndWithoutHomeFailsInOneLine()
    {
        using var output = new TempDir();
        using var elsewhere = new TempDir();
        var publish = Dotnet(RepositoryPaths.Root, null, TimeSpan.FromMinutes(4),
            "publish", Path.Combine(RepositoryPaths.Root, "src", "PolicyIngest.Cli"), "-c", "Release", "-o", output.Path, "-nologo", "-v:q");
        Assert.True(publish.ExitCode == 0, publish.StdOut + publish.StdErr);
        var dll = output.File("policyingest.dll");
        var corpusFile = Path.Combine(RepositoryPaths.Root, "corpus", "seeds", "000_huairou-fuchi-banfa.html");

        // why: with $POLICYINGEST_HOME the published binary finds models/ there, whatever the working folder
        var withHome = Dotnet(elsewhere.Path, new() { ["POLICYINGEST_HOME"] = RepositoryPaths.Root }, TimeSpan.FromMinutes(2),
            dll, "extract", corpusFile, "--json");
        Assert.True(withHome.ExitCode == 0, withHome.StdErr);
        using (var json = JsonDocument.Parse(withHome.StdOut))
            Assert.NotEqual(0, json.RootElement.GetProperty("clauses").GetArrayLength());

        // why: no home, no models/ next to the binary or in the working folder: one clear line and exit 4, no stack trace
        var noHome = Dotnet(elsewhere.Path, new() { ["POLICYINGEST_HOME"] = "" }, TimeSpan.FromMinutes(1), dll, "extract", corpusFile, "--json");
        Assert.Equal(4, noHome.ExitCode);
        Assert.Equal("", noHome.StdOut);
        var lines = noHome.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: no PolicyIngest home: set $POLICYINGEST_HOME", lines[0]);
    }

    private static CliRunner.Result Dotnet(string workingDirectory, Dictionary<string, string>? env, TimeSpan timeout, params string[] args) =>
        CliRunner.RunProgram("dotnet", workingDirectory, env, timeout, args);
}
