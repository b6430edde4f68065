using System.Diagnostics;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Segmentation.Tests;

/// <summary>
/// models/jieba/ against the python3-jieba it was made from (Debian's, which the test set installs): the dictionary
/// byte for byte, the HMM tables as the product loads them equal to finalseg's Python sources, and the converter
/// making the same files again.
/// </summary>
public sealed class JiebaModelFilesTest
{
    private const string DebianJieba = "/usr/lib/python3/dist-packages/jieba";
    private static readonly char[] States = ['B', 'M', 'E', 'S'];

    private static SegmenterResources Resources => SegmenterResources.ForModels(Path.Combine(RepositoryPaths.Root, "models"));

    [Fact]
    public void MainDictionary_IsPythonJiebasDictTxtByteForByte() =>
        Assert.True(File.ReadAllBytes(Path.Combine(DebianJieba, "dict.txt")).AsSpan().SequenceEqual(File.ReadAllBytes(Resources.MainDictionary)),
            $"{Resources.MainDictionary} differs from {DebianJieba}/dict.txt: run scripts/jieba-models.py");

    [Fact]
    public void HmmTables_AsLoaded_EqualFinalsegsPythonSources()
    {
        var hmm = HmmModel.Load(Resources.HmmTables);
        var start = Table("prob_start.py");
        var trans = Table("prob_trans.py");
        var emit = Table("prob_emit.py");
        var mismatches = new List<string>();
        void Check(string what, double python, double loaded)
        {
            if (BitConverter.DoubleToInt64Bits(python) != BitConverter.DoubleToInt64Bits(loaded)) mismatches.Add($"{what}: python {python:R}, loaded {loaded:R}");
        }

        foreach (var y in States)
        {
            Check($"start {y}", (double)start[y.ToString()], hmm.StartLogProbability(y));
            var row = (Dictionary<string, object>)trans[y.ToString()];
            foreach (var z in States)
                Check($"trans {y}→{z}", row.TryGetValue(z.ToString(), out var p) ? (double)p : HmmModel.MinFloat, hmm.TransitionLogProbability(y, z));
            var emitted = (Dictionary<string, object>)emit[y.ToString()];
            Assert.All(emitted.Keys, k => Assert.Equal(1, k.Length));
            // Every UTF-16 code unit, so an emission the file adds is caught as well as one it lost or changed.
            for (var c = char.MinValue; ; c++)
            {
                Check($"emit {y} U+{(int)c:X4}", emitted.TryGetValue(c.ToString(), out var p) ? (double)p : HmmModel.MinFloat, hmm.EmissionLogProbability(y, c));
                if (c == char.MaxValue) break;
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} HMM entries differ from python3-jieba's finalseg, e.g. {string.Join("; ", mismatches.Take(5))}");
    }

    [Fact]
    public async Task Converter_RegeneratesTheShippedFilesByteForByte()
    {
        var output = Directory.CreateTempSubdirectory("jieba-models-").FullName;
        try
        {
            var psi = new ProcessStartInfo(Path.Combine(RepositoryPaths.Root, "scripts", "jieba-models.py"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            psi.ArgumentList.Add(output);
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            await stdout;
            Assert.True(process.ExitCode == 0, $"scripts/jieba-models.py failed: {await stderr}");
            var shipped = Path.GetDirectoryName(Resources.MainDictionary)!;
            foreach (var name in new[] { "dict.txt", "hmm.tsv", "SOURCE.md" })
                Assert.True(File.ReadAllBytes(Path.Combine(output, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(shipped, name))),
                    $"models/jieba/{name} is not what scripts/jieba-models.py makes from the installed python3-jieba");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static Dictionary<string, object> Table(string module) =>
        (Dictionary<string, object>)PythonLiteral.ParseAssignment(File.ReadAllText(Path.Combine(DebianJieba, "finalseg", module)), "P");
}
