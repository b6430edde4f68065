using PolicyIngest.Classify.Evaluation;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Classify.Tests;

/// <summary>The committed training data keeps the rules of models/README.md.</summary>
public class TrainingDataTest
{
    private static readonly Lazy<IReadOnlyList<PolicyIngest.Classify.Model.LabelledClause>> Clauses = new(() => TrainingData.LoadClauses(Repo.Training));

    [Fact]
    public void Clauses_AtLeast800_WithDistinctIds()
    {
        Assert.True(Clauses.Value.Count >= 800, $"{Clauses.Value.Count} clauses");
        Assert.Equal(Clauses.Value.Count, Clauses.Value.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Instruments_OnlyOnSupportClauses() =>
        Assert.All(Clauses.Value.Where(c => c.Instruments.Count > 0), c => Assert.Equal("support", c.Category));

    [Fact]
    public void Industries_GeneralStandsAlone() =>
        Assert.All(Clauses.Value, c => Assert.True(c.Industries.Count > 0 && (!c.Industries.Contains("general") || c.Industries.Count == 1), c.Id));

    [Fact]
    public void EveryCategoryIsRepresented() =>
        Assert.All(ClauseTaxonomy.Categories, k => Assert.Contains(Clauses.Value, c => c.Category == k));

    private static readonly Lazy<IReadOnlyList<PolicyIngest.Classify.Model.LabelledClause>> Synthetic = new(() => TrainingData.LoadSynthetic(Repo.Training));

    [Fact]
    public void Synthetic_KeepTheSameRules_AndNeverShareAGroupOrIdWithRealClauses()
    {
        var synthetic = Synthetic.Value;
        Assert.NotEmpty(synthetic); // why: the shipped model is trained on them; an empty set would pass every check below
        Assert.All(synthetic, c => Assert.True(c.Industries.Count > 0 && (!c.Industries.Contains("general") || c.Industries.Count == 1), c.Id));
        Assert.All(synthetic.Where(c => c.Instruments.Count > 0), c => Assert.Equal("support", c.Category));
        var realGroups = Clauses.Value.Select(c => c.Group).ToHashSet();
        var realIds = Clauses.Value.Select(c => c.Id).ToHashSet();
        Assert.DoesNotContain(synthetic, c => realGroups.Contains(c.Group) || realIds.Contains(c.Id));
        Assert.Equal(synthetic.Count, synthetic.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Synthetic_OnlyInTheirOwnFiles()
    {
        var dir = Directory.CreateTempSubdirectory("pi-train-").FullName;
        try
        {
            const string Real = "{\"id\":\"R1\",\"source\":\"x.txt\",\"group\":\"g1\",\"kind\":\"article\",\"position\":0,\"text\":\"本办法自印发之日起施行。\",\"category\":\"final\",\"instruments\":[],\"industries\":[\"general\"]}";
            var synthetic = Real.Replace("\"x.txt\"", "\"synthetic:A01 某办法\"").Replace("R1", "S1").Replace("g1", "synA01");
            File.WriteAllText(Path.Combine(dir, "clauses-a.jsonl"), Real + "\n");
            File.WriteAllText(Path.Combine(dir, "synthetic-a.jsonl"), synthetic + "\n");
            Assert.Single(TrainingData.LoadClauses(dir));
            Assert.Single(TrainingData.LoadSynthetic(dir));

            File.WriteAllText(Path.Combine(dir, "synthetic-b.jsonl"), Real + "\n"); // a real clause among the synthetic ones
            Assert.Throws<InvalidDataException>(() => TrainingData.LoadSynthetic(dir));
            File.Delete(Path.Combine(dir, "synthetic-b.jsonl"));
            File.WriteAllText(Path.Combine(dir, "clauses-b.jsonl"), synthetic.Replace("S1", "S2") + "\n"); // and the other way round
            Assert.Throws<InvalidDataException>(() => TrainingData.LoadClauses(dir));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Cards_HaveTheirToolLabels()
    {
        var cards = CardToolTask.Load(Repo.Training);
        Assert.True(cards.Count >= 100, $"{cards.Count} cards");
        Assert.Contains(cards, c => c.Tool == "资金支持");
    }

    [Fact]
    public void TaxonomyJson_MatchesTheCodeAndTheSpec()
    {
        Assert.Equal(ClauseTaxonomy.ToJson(), File.ReadAllText(Path.Combine(Repo.Models, ClassifierModels.TaxonomyFileName)));
        var spec = Path.Combine(Repo.Root, "..", "shared", "spec", "taxonomy.md");
        if (!File.Exists(spec)) return; // the shared folder is beside a checkout only on the build machine
        var text = File.ReadAllText(spec);
        foreach (var id in ClauseTaxonomy.Categories.Concat(ClauseTaxonomy.Instruments).Concat(ClauseTaxonomy.Industries))
            Assert.Contains(id, text);
    }
}
