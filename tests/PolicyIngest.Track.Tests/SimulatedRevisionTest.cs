using PolicyIngest.Evaluation.Diff;
using Xunit.Abstractions;

namespace PolicyIngest.Track.Tests;

public class SimulatedRevisionTest(ITestOutputHelper output)
{
    /// <summary>Every shared law text with articles, as clause lists (fixture input, not the parser).</summary>
    internal static IReadOnlyList<Core.Model.PolicyDocument> Sources { get; } =
        Directory.GetFiles(Path.Combine(LawTextFixture.SharedRoot, "data", "revisions"), "*.txt")
            .Append(Path.Combine(LawTextFixture.SharedRoot, "seeds", "000_cf5a06cb7cce2435.txt")).Order(StringComparer.Ordinal)
            .Select(f => LawTextFixture.Parse(File.ReadAllText(f), Path.GetFileName(f)))
            .Where(d => d.Clauses.Count(c => c.Kind == Core.Model.ClauseKind.Article) >= 4)
            .ToList();

    [Fact]
    public void Diff_On320SimulatedRevisions_RecoversTheEdits()
    {
        var revisions = DiffEvaluation.Simulate(Sources, 320);
        var result = DiffEvaluation.Evaluate(revisions);
        output.WriteLine($"revisions {result.Revisions}, links {result.Links}, changed {result.ChangedLinks}, change accuracy {result.ChangeAccuracy:0.0000}");
        output.WriteLine($"amounts {result.Amounts}; cosmetic {result.CosmeticRevisionsWithChanges}/{result.CosmeticRevisions}");
        foreach (var (edit, s) in result.LinksByEdit) output.WriteLine($"  {edit}: {s}");
        foreach (var f in result.Failures.Take(30)) output.WriteLine(f);

        foreach (var r in revisions.Where(r => result.Failures.Any(f => f.StartsWith(r.Name + " "))).Take(6))
        {
            var diff = new Alignment.DocumentDiffer().Diff(r.Old, r.New);
            var expected = r.Links.Select(l => $"{l.OldKey}->{l.NewKey} {l.Change}").ToHashSet();
            var predicted = diff.Pairs.Select(p => $"{p.Pair.Old?.Key}->{p.Pair.New?.Key} {p.Change}").ToHashSet();
            output.WriteLine($"{r.Name}: missing {string.Join(", ", expected.Except(predicted))}; extra {string.Join(", ", predicted.Except(expected))}");
            foreach (var p in diff.Pairs.Where(p => !expected.Contains($"{p.Pair.Old?.Key}->{p.Pair.New?.Key} {p.Change}")))
                output.WriteLine($"   OLD {p.Pair.Old?.Text[..Math.Min(60, p.Pair.Old.Text.Length)]} | NEW {p.Pair.New?.Text[..Math.Min(60, p.Pair.New.Text.Length)]} {p.Pair.Similarity}");
            output.WriteLine("   expected amounts: " + string.Join("; ", r.AmountChanges));
            output.WriteLine("   found amounts: " + string.Join("; ", diff.AmountChanges.Select(a => $"{a.Old?.Article} {a.Old?.Text} {a.Old?.Yuan} -> {a.New?.Article} {a.New?.Text} {a.New?.Yuan} {a.Change}")));
        }
        Assert.True(result.Revisions >= 300, $"only {result.Revisions} revisions simulated");
        Assert.True(result.Links.F1 >= 0.98, $"alignment {result.Links}");
        Assert.True(result.ChangedLinks.F1 >= 0.95, $"changed links {result.ChangedLinks}");
        Assert.True(result.Amounts.Precision >= 0.98 && result.Amounts.Recall >= 0.98, $"amounts {result.Amounts}");
        Assert.Equal(0, result.CosmeticRevisionsWithChanges);
        Assert.True(result.CosmeticRevisions >= 30);
    }
}
