using Microsoft.ML;
using Microsoft.ML.Data;
using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Classify.MachineLearning;

/// <summary>
/// LightGbm clause models on a selected feature set, scored by ML.NET's prediction engines. Decides as
/// <see cref="ClauseModel"/> does — the likeliest category; instruments only for support, from probability 0.5; specific
/// industries from 0.4, else general; rule industries by their keyword rule — but reads clauses whole (no sentence
/// reading: that needs a linear model). For measuring: it is not saved or shipped.
/// </summary>
public sealed class MlNetTreeClauseModel : ITrainedClauseModel
{
    private readonly ClauseFeatures features;
    private readonly FeatureSelection selection;
    private readonly IReadOnlyList<string> ruleIndustries;
    private readonly PredictionEngine<ClauseRow, MulticlassOutput> category;
    private readonly Func<ClauseRow, double>[] instruments;
    private readonly Func<ClauseRow, double>[] industries;
    private readonly Lock gate = new();

    internal MlNetTreeClauseModel(MLContext ml, ClauseFeatures features, FeatureSelection selection, ITransformer category,
        IReadOnlyList<MlNetPart> instruments, IReadOnlyList<MlNetPart> industries, IReadOnlyList<string> ruleIndustries, MlNetOptions options)
    {
        this.features = features;
        this.selection = selection;
        this.ruleIndustries = ruleIndustries;
        var schema = SchemaDefinition.Create(typeof(ClauseRow));
        schema[FeatureColumn.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, selection.Dimension);
        schema[FeatureColumn.Class].ColumnType = new KeyDataViewType(typeof(uint), ClauseTaxonomy.Categories.Count);
        this.category = ml.Model.CreatePredictionEngine<ClauseRow, MulticlassOutput>(category, inputSchemaDefinition: schema);
        var binarySchema = SchemaDefinition.Create(typeof(ClauseRow));
        binarySchema[FeatureColumn.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, selection.Dimension);
        binarySchema[FeatureColumn.Class].ColumnType = new KeyDataViewType(typeof(uint), 1);
        Func<ClauseRow, double> Probability(MlNetPart part)
        {
            if (part.Transformer is null)
            {
                var p = 1 / (1 + Math.Exp(-part.ConstantScore!.Value));
                return _ => p;
            }
            var engine = ml.Model.CreatePredictionEngine<ClauseRow, BinaryOutput>(part.Transformer, inputSchemaDefinition: binarySchema);
            return row => engine.Predict(row).Probability;
        }
        this.instruments = [.. instruments.Select(Probability)];
        this.industries = [.. industries.Select(Probability)];
        Options = options;
    }

    public MlNetOptions Options { get; }

    public ClauseLabels Predict(ClauseInput input)
    {
        var x = features.Extract(input);
        lock (gate)
        {
            var row = new ClauseRow { Features = FeatureColumn.ToVBuffer(selection.Apply(x), selection.Dimension), Class = 1 };
            var scores = category.Predict(row).Score;
            var best = 0;
            for (var k = 1; k < scores.Length; k++) if (scores[k] > scores[best]) best = k;
            var categoryId = ClauseTaxonomy.Categories[best];
            var given = new List<string>();
            var instrumentConfidences = new Dictionary<string, double>(StringComparer.Ordinal);
            if (categoryId == ClauseTaxonomy.SupportCategory)
            {
                var xi = features.Options.InstrumentWordWeight > 0 ? SparseVector.Sum(x, features.ExtractInstrumentWords(input)) : x;
                var instrumentRow = new ClauseRow { Features = FeatureColumn.ToVBuffer(selection.Apply(xi), selection.Dimension), Class = 1 };
                for (var j = 0; j < instruments.Length; j++)
                {
                    var p = instruments[j](instrumentRow);
                    if (p < ClauseModel.InstrumentThreshold) continue;
                    given.Add(ClauseTaxonomy.Instruments[j]);
                    instrumentConfidences[ClauseTaxonomy.Instruments[j]] = p;
                }
            }
            var sectors = new List<string>();
            var industryConfidences = new Dictionary<string, double>(StringComparer.Ordinal);
            double highest = 0;
            var specific = ClauseModelTrainer.SpecificIndustries;
            for (var j = 0; j < industries.Length; j++)
            {
                var industry = specific[j];
                if (ruleIndustries.Contains(industry))
                {
                    if (!KeywordRules.IndustryRuleFires(industry, input)) continue;
                    sectors.Add(industry);
                    industryConfidences[industry] = 1.0;
                    continue;
                }
                var p = industries[j](row);
                highest = Math.Max(highest, p);
                if (p < ClauseModel.IndustryThreshold) continue;
                sectors.Add(industry);
                industryConfidences[industry] = p;
            }
            if (sectors.Count == 0)
            {
                sectors.Add(ClauseTaxonomy.GeneralIndustry);
                industryConfidences[ClauseTaxonomy.GeneralIndustry] = 1 - highest;
            }
            return new ClauseLabels(categoryId, scores[best], given, sectors) { InstrumentConfidences = instrumentConfidences, IndustryConfidences = industryConfidences };
        }
    }

    public void Save(string path) =>
        throw new NotSupportedException("LightGbm clause models are measured (evaluate classify), not saved: the product scores linear models with the project's sparse dot product");

    private sealed class MulticlassOutput
    {
        public float[] Score { get; set; } = [];
    }

    private sealed class BinaryOutput
    {
        public float Probability { get; set; }
    }
}
