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
