using System.Globalization;
using PolicyIngest.Extract.Numbers;

namespace PolicyIngest.Evaluation.Amounts;

/// <summary>One peer test vector and what our parser made of it.</summary>
public sealed record PeerCase(string File, int Line, string Input, string Expected, string Mode, string Actual, bool Passed, string? Deviation);

/// <summary>Pass counts of one peer file.</summary>
public sealed record PeerFileResult(string File, IReadOnlyList<PeerCase> Cases)
{
    public int Passed => Cases.Count(c => c.Passed);
    public int Deviations => Cases.Count(c => !c.Passed && c.Deviation is not null);
    public int Failed => Cases.Count(c => !c.Passed && c.Deviation is null);
}

/// <summary>
/// Runs the peer test vectors of ../shared/data/peer (cn2an, JioNLP, Duckling) against
/// <see cref="ChineseNumber"/> and <see cref="MoneyText"/>. Rows we answer differently on purpose are listed in
/// <see cref="Deviations"/> with the reason; every other row must pass.
/// </summary>
public static class PeerSuites
{
    /// <summary>Inputs (file:input) we deliberately answer differently, with why.</summary>
    public static IReadOnlyDictionary<string, string> Deviations { get; } = new Dictionary<string, string>
    {
    };

    public static IReadOnlyList<PeerFileResult> RunAll(string peerDirectory) =>
    [
        RunCn2an(Path.Combine(peerDirectory, "cn2an_numbers.tsv")),
        RunJioNlp(Path.Combine(peerDirectory, "jionlp_money.tsv")),
        RunDuckling(Path.Combine(peerDirectory, "duckling_zh_money.tsv")),
    ];

    public static PeerFileResult RunCn2an(string path)
    {
        var file = Path.GetFileName(path);
        var cases = new List<PeerCase>();
        foreach (var (line, cols) in Rows(path))
        {
            var (input, expected, mode, kind) = (cols[0], cols[1], cols[2], cols[3]);
            var parseMode = mode switch { "strict" => NumberMode.Strict, "normal" => NumberMode.Normal, _ => NumberMode.Smart };
            if (kind == "ok")
            {
                // An ok row holds in its own mode and every looser one.
                var want = decimal.Parse(expected, NumberStyles.Float, CultureInfo.InvariantCulture);
                var actualParts = new List<string>();
                var ok = true;
                foreach (var m in Enum.GetValues<NumberMode>().Where(m => m >= parseMode))
                {
                    var got = ChineseNumber.Parse(input, m);
                    actualParts.Add(got is { } g ? Canon(g) : "error");
                    ok &= got == want;
                }
                cases.Add(Case(file, line, input, expected, mode, string.Join("/", actualParts), ok));
            }
            else
            {
                // An error row must be rejected in its mode and every stricter one.
                var actualParts = new List<string>();
                var ok = true;
                foreach (var m in Enum.GetValues<NumberMode>().Where(m => m <= parseMode))
                {
                    var got = ChineseNumber.Parse(input, m);
                    actualParts.Add(got is { } g ? Canon(g) : "error");
                    ok &= got is null;
                }
                cases.Add(Case(file, line, input, "error", mode, string.Join("/", actualParts), ok));
            }
        }
        return new PeerFileResult(file, cases);
    }

    public static PeerFileResult RunJioNlp(string path)
    {
        var file = Path.GetFileName(path);
        var cases = new List<PeerCase>();
        foreach (var (line, cols) in Rows(path))
        {
            var (input, num, currency, definition) = (cols[0], cols[1], cols[2], cols[3]);
            if (!MoneyText.TryParse(input, out var r))
            {
                cases.Add(Case(file, line, input, num, definition, "error", false));
                continue;
            }
            var actualNum = r.High is { } h ? $"{Two(r.Value)}..{Two(h)}" : Two(r.Value);
            var actualDefinition = r.Bound switch
            {
                MoneyBound.Exact => "accurate",
                MoneyBound.AtMost => "blur-",
                MoneyBound.AtLeast => "blur+",
                _ => "blur",
            };
            var ok = actualNum == num && r.Currency == currency && actualDefinition == definition;
            cases.Add(Case(file, line, input, $"{num} {currency} {definition}", "", $"{actualNum} {r.Currency} {actualDefinition}", ok));
        }
        return new PeerFileResult(file, cases);
    }

    public static PeerFileResult RunDuckling(string path)
    {
        var file = Path.GetFileName(path);
        var cases = new List<PeerCase>();
        foreach (var (line, cols) in Rows(path))
        {
            var (input, expected, currency) = (cols[0], cols[1], cols[2]);
            var divisor = currency == "Cent" ? 100m : 1m;
            string Yuan(string v) => v.Length == 0 ? "" : Canon(decimal.Parse(v, CultureInfo.InvariantCulture) / divisor);
            var parts = expected.Split("..");
            var want = parts.Length == 1 ? Yuan(parts[0]) : $"{Yuan(parts[0])}..{Yuan(parts[1])}";
            if (!MoneyText.TryParse(input, out var r))
            {
                cases.Add(Case(file, line, input, want, currency, "error", false));
                continue;
            }
            var got = r.Bound switch
            {
                MoneyBound.Range => $"{Canon(r.Value)}..{Canon(r.High!.Value)}",
                MoneyBound.AtMost => $"..{Canon(r.Value)}",
                MoneyBound.AtLeast => $"{Canon(r.Value)}..",
                _ => Canon(r.Value),
            };
            cases.Add(Case(file, line, input, want, currency, got, got == want && r.Currency == "元"));
        }
        return new PeerFileResult(file, cases);
    }

    private static PeerCase Case(string file, int line, string input, string expected, string mode, string actual, bool passed) =>
        new(file, line, input, expected, mode, actual, passed, Deviations.GetValueOrDefault($"{file}:{input}"));

    private static IEnumerable<(int Line, string[] Columns)> Rows(string path)
    {
        var lines = File.ReadAllLines(path);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#') || lines[i].Length == 0 && i == lines.Length - 1) continue;
            yield return (i + 1, lines[i].Split('\t'));
        }
    }

    private static string Canon(decimal d) => Core.DecimalText.Canonical(d);

    /// <summary>JioNLP prints 2 decimals; we round our exact value only to compare.</summary>
    private static string Two(decimal d) => Math.Round(d, 2, MidpointRounding.ToZero).ToString("0.00", CultureInfo.InvariantCulture);
}
