using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;
using PolicyIngest.Segmentation;
using System.Text;
using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Classify.Model;

/// <summary>
/// The trained clause classifier: a softmax model over <see cref="ClauseTaxonomy.Categories"/> (or, as an option,
/// one binary model per category) and one-vs-rest logistic models for instruments and (specific) industries, all over
/// the same hashed features.
/// Immutable and thread-safe once built.
/// </summary>
public sealed class ClauseModel : ITrainedClauseModel
{
    public const string FileName = "classify.model.bin.gz";
    private const string MagicV1 = "PolicyIngest.ClauseModel/1";
    private const string MagicV2 = "PolicyIngest.ClauseModel/2"; // v2 adds the feature options after the hash bits
    private const string MagicV3 = "PolicyIngest.ClauseModel/3"; // v3 adds the rule industries after the thresholds
    private const string MagicV4 = "PolicyIngest.ClauseModel/4"; // v4: the feature options may mask cited titles (no earlier file did)
    private const string MagicV5 = "PolicyIngest.ClauseModel/5"; // v5 adds the sentence reading and the category model's kind after the rule industries
    private const string Magic = "PolicyIngest.ClauseModel/6";   // v6: as v5; segmented words are read from the folded text (earlier: the raw text, keep-whole rules on)

    /// <summary>Probability from which an instrument is given, unless the model has a calibrated threshold for it.</summary>
    public const double InstrumentThreshold = 0.5;

    /// <summary>
    /// Probability from which a specific industry is given: lower than for instruments because every specific
    /// industry is rare next to general. Chosen by grouped cross-validation: 0.3 / 0.4 / 0.5 gave industries micro-F1
    /// 0.841 / 0.846 / 0.843 and specific-sector micro-F1 0.546 / 0.551 / 0.533.
    /// </summary>
    public const double IndustryThreshold = 0.4;

    // Feature-major: the weights of all labels for one feature are contiguous (categories, then instruments, then
    // industries), so a clause's ~400 features touch ~400 short runs instead of 33 × 400 scattered floats.
    private readonly float[] weights;
    private readonly float[] biases;
    private readonly int labelCount;
    private readonly int instrumentOffset;
    private readonly int industryOffset;

    private readonly double[] instrumentLogits;
    private readonly double[] industryLogits;
    private readonly int[][] ruleIndustryRules; // per rule industry, the ordinals of its sector rule on text, heading and chapter

    public ClauseModel(
        ClauseFeatures features,
        IReadOnlyList<string> categories, float[] categoryWeights,
        IReadOnlyList<string> instruments, float[][] instrumentWeights,
        IReadOnlyList<string> industries, float[][] industryWeights,
        IReadOnlyList<double>? instrumentThresholds = null, IReadOnlyList<double>? industryThresholds = null,
        IReadOnlyList<string>? ruleIndustries = null, SentenceReading? sentenceReading = null)
    {
        Features = features;
        SentenceReading = sentenceReading;
        RuleIndustries = [.. ruleIndustries ?? []];
        ruleIndustryRules = [.. RuleIndustries.Select(industry => KeywordRules.RuleFeatures
            .Select((rule, ordinal) => (rule, ordinal))
            .Where(x => x.rule.Name == "ind:" + industry || x.rule.Name.StartsWith("ind:" + industry + "@", StringComparison.Ordinal))
            .Select(x => x.ordinal).ToArray())];
        if (RuleIndustries.Any(r => !industries.Contains(r))) throw new ArgumentException("a rule industry must be one of the industries", nameof(ruleIndustries));
        InstrumentThresholds = [.. instrumentThresholds ?? Enumerable.Repeat(InstrumentThreshold, instruments.Count)];
        IndustryThresholds = [.. industryThresholds ?? Enumerable.Repeat(IndustryThreshold, industries.Count)];
        if (InstrumentThresholds.Count != instruments.Count || IndustryThresholds.Count != industries.Count)
            throw new ArgumentException("one threshold per label");
        if (InstrumentThresholds.Concat(IndustryThresholds).Any(t => t is <= 0 or >= 1)) throw new ArgumentException("thresholds are probabilities in (0, 1)");
        instrumentLogits = [.. InstrumentThresholds.Select(Logit)];
        industryLogits = [.. IndustryThresholds.Select(Logit)];
        var stride = Features.Dimension + 1;
        if (categoryWeights.Length != categories.Count * stride) throw new ArgumentException("category weights do not match the labels", nameof(categoryWeights));
        if (instrumentWeights.Length != instruments.Count || instrumentWeights.Any(w => w.Length != stride))
            throw new ArgumentException("instrument weights do not match the labels", nameof(instrumentWeights));
        if (industryWeights.Length != industries.Count || industryWeights.Any(w => w.Length != stride))
            throw new ArgumentException("industry weights do not match the labels", nameof(industryWeights));
        Categories = categories;
        Instruments = instruments;
        Industries = industries;

        var rows = new List<float[]>();
        for (var k = 0; k < categories.Count; k++) rows.Add(categoryWeights.AsSpan(k * stride, stride).ToArray());
        rows.AddRange(instrumentWeights);
        rows.AddRange(industryWeights);
        labelCount = rows.Count;
        instrumentOffset = categories.Count;
        industryOffset = categories.Count + instruments.Count;
        var dimension = Features.Dimension;
        // Padded so the 256-bit path may read 40 floats from any row's start (lanes past the row are ignored).
        weights = new float[dimension * labelCount + 5 * Vector256<float>.Count];
        biases = new float[labelCount];
        for (var j = 0; j < labelCount; j++)
        {
            var row = rows[j];
            for (var i = 0; i < dimension; i++) weights[i * labelCount + j] = row[i];
            biases[j] = row[dimension];
        }
    }

    public ClauseFeatures Features { get; }
    public IReadOnlyList<string> Categories { get; }
    public IReadOnlyList<string> Instruments { get; }
    /// <summary>The specific industries with a model; <see cref="ClauseTaxonomy.GeneralIndustry"/> is given when none applies.</summary>
    public IReadOnlyList<string> Industries { get; }
    /// <summary>Per instrument, the probability from which it is given.</summary>
    public IReadOnlyList<double> InstrumentThresholds { get; }
    /// <summary>Per specific industry, the probability from which it is given.</summary>
    public IReadOnlyList<double> IndustryThresholds { get; }

    /// <summary>
    /// Specific industries the training data shows in too few documents for the model to have learned more than those
    /// documents' wording: they are given by their keyword rule instead (confidence 1, as rules give), see
    /// <see cref="Training.ClauseModelTrainer.MinIndustryGroups"/>.
    /// </summary>
    public IReadOnlyList<string> RuleIndustries { get; }

    /// <summary>
    /// The category rows are one binary model per category (the highest score wins; confidence = its probability
    /// over the sum of all categories' probabilities) rather than one softmax model.
    /// </summary>
    public bool CategoryOneVsRest { get; init; }

    /// <summary>How long support clauses are also read sentence by sentence for instruments; null: read whole only.</summary>
    public SentenceReading? SentenceReading { get; }

    private static double Logit(double p) => Math.Log(p / (1 - p)); // σ(score) ≥ p ⇔ score ≥ logit(p)

    /// <summary>Labels one clause: features into a per-thread buffer, then one pass over them adds every label's weights at once.</summary>
    public ClauseLabels Predict(ClauseInput input)
    {
        var buffer = Features.ThreadBuffer();
        Features.ExtractInto(input, buffer);
        Span<float> scores = stackalloc float[labelCount];
        biases.CopyTo(scores);
        var indices = buffer.Indices;
        var values = buffer.Values;
        if (Vector256.IsHardwareAccelerated && labelCount <= 5 * Vector256<float>.Count) SumRows256(scores, indices, values);
        else for (var f = 0; f < indices.Length; f++) AddScaled(scores, weights.AsSpan(indices[f] * labelCount, labelCount), values[f]);
        Span<double> s = stackalloc double[labelCount];
        for (var j = 0; j < labelCount; j++) s[j] = scores[j];
        if (ReadsInstrumentWords && CategoryIsSupport(s)) AddInstrumentWords(input, s.Slice(instrumentOffset, Instruments.Count));
        var labels = WithRuleIndustries(Decide(s), k => ClauseFeatures.AnyRuleFired(buffer, input, ruleIndustryRules[k]));
        if (!ReadsSentences(labels, input)) return labels;
        // A sentence is read as a clause in the same place: its heading, chapter, kind and position features are the
        // clause's, so their share of the instrument scores is summed once; each sentence adds its text's share.
        var matches = ClauseFeatures.MatchesOf(buffer);
        Features.ExtractContextInto(input, buffer);
        var context = new double[Instruments.Count];
        for (var j = 0; j < context.Length; j++) context[j] = biases[instrumentOffset + j];
        AddInstrumentRows(context, buffer.Indices, buffer.Values);
        var words = Features.ThreadWordBuffer();  // holds the clause's words (support: AddInstrumentWords has run)
        var wordsFrom = 0;
        return ReadSentences(labels, input, matches, sentence =>
        {
            Features.ExtractTextInto(sentence, buffer, matches);
            var instrumentScores = (double[])context.Clone();
            AddInstrumentRows(instrumentScores, buffer.Indices, buffer.Values);
            if (ReadsInstrumentWords)
            {
                Features.ExtractSentenceInstrumentWordsInto(sentence.Text, words, ref wordsFrom);
                AddInstrumentRows(instrumentScores, words.Indices, words.Values);
            }
            return instrumentScores;
        });
    }

    /// <summary>The instrument models also read a block of segmented words (<see cref="FeatureOptions.InstrumentWordWeight"/>).</summary>
    private bool ReadsInstrumentWords => Features.Options.InstrumentWordWeight > 0;

    /// <summary>Whether the category the scores give is support (the highest raw score wins under softmax and one-vs-rest alike).</summary>
    private bool CategoryIsSupport(ReadOnlySpan<double> scores)
    {
        var best = 0;
        for (var k = 1; k < Categories.Count; k++) if (scores[k] > scores[best]) best = k;
        return Categories[best] == ClauseTaxonomy.SupportCategory;
    }

    /// <summary>Adds the instrument-only word block's share of the instrument scores (segmenting the text: support clauses only).</summary>
    private void AddInstrumentWords(ClauseInput input, Span<double> instrumentScores)
    {
        var words = Features.ThreadWordBuffer();
        Features.ExtractInstrumentWordsInto(input, words);
        AddInstrumentRows(instrumentScores, words.Indices, words.Values);
    }

    /// <summary>Adds the weighted rows of the instrument labels only (a sentence is read for instruments alone).</summary>
    private void AddInstrumentRows(Span<double> scores, ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        var width = Vector256<float>.Count;
        if (Vector256.IsHardwareAccelerated && scores.Length <= 2 * width)
        {
            // Two registers cover the 11 instrument weights of a row (the lanes past them are other labels, ignored;
            // the padding at the end of the weights keeps the last row's reads in bounds).
            ref var w = ref MemoryMarshal.GetArrayDataReference(weights);
            Vector256<float> a0 = default, a1 = default;
            for (var f = 0; f < indices.Length; f++)
            {
                var row = (nuint)(indices[f] * labelCount + instrumentOffset);
                var v = Vector256.Create(values[f]);
                a0 += Vector256.LoadUnsafe(ref w, row) * v;
                a1 += Vector256.LoadUnsafe(ref w, row + (nuint)width) * v;
            }
            for (var j = 0; j < scores.Length; j++) scores[j] += j < width ? a0[j] : a1[j - width];
            return;
        }
        Span<float> sums = stackalloc float[scores.Length];
        for (var f = 0; f < indices.Length; f++)
        {
            var row = weights.AsSpan(indices[f] * labelCount + instrumentOffset, scores.Length);
            var v = values[f];
            for (var j = 0; j < row.Length; j++) sums[j] += row[j] * v;
        }
        for (var j = 0; j < scores.Length; j++) scores[j] += sums[j];
    }

    private bool ReadsSentences(ClauseLabels labels, ClauseInput input) =>
        SentenceReading is { } reading && labels.Category == ClauseTaxonomy.SupportCategory && input.Text.Length >= reading.MinimumClauseLength;

    /// <summary>
    /// Adds the instruments that one sentence of a long support clause gives with high probability
    /// (<see cref="SentenceReading"/>); <paramref name="instrumentScores"/> scores one sentence as a clause.
    /// </summary>
    /// <param name="clauseMatches">what the whole clause's text matched: a sentence with none of its instrument rules is skipped</param>
    /// <remarks>Only for a clause that <see cref="ReadsSentences"/>.</remarks>
    private ClauseLabels ReadSentences(ClauseLabels labels, ClauseInput input, ClauseFeatures.TextMatches clauseMatches, Func<ClauseInput, double[]> instrumentScores)
    {
        var reading = SentenceReading!;
        var sentences = reading.Split(input.Text);
        if (sentences.Count < 2) return labels;
        var best = new double[Instruments.Count];
        Array.Fill(best, double.NegativeInfinity);
        foreach (var sentence in sentences)
        {
            // A sentence that names no instrument at all (a condition, a goal, a procedure step) is not scored.
            if (!Features.HasInstrumentCue(sentence, clauseMatches)) continue;
            var sentenceScores = instrumentScores(input with { Text = sentence });
            for (var j = 0; j < best.Length; j++) best[j] = Math.Max(best[j], sentenceScores[j]);
        }
        List<string>? added = null;
        var confidences = new Dictionary<string, double>(labels.InstrumentConfidences, StringComparer.Ordinal);
        for (var j = 0; j < best.Length; j++)
        {
            if (best[j] < Math.Max(instrumentLogits[j], Logit(reading.Probability))) continue;
            var p = 1 / (1 + Math.Exp(-best[j]));
            if (confidences.TryGetValue(Instruments[j], out var whole)) { confidences[Instruments[j]] = Math.Max(whole, p); continue; }
            (added ??= []).Add(Instruments[j]);
            confidences[Instruments[j]] = p;
        }
        if (added is null) return labels with { InstrumentConfidences = confidences };
        return labels with { Instruments = [.. Instruments.Where(i => labels.Instruments.Contains(i) || added.Contains(i))], InstrumentConfidences = confidences };
    }

    /// <param name="fires">whether the sector rule of <c>RuleIndustries[k]</c> fires on the clause</param>
    private ClauseLabels WithRuleIndustries(ClauseLabels labels, Func<int, bool> fires)
    {
        if (RuleIndustries.Count == 0) return labels;
        var anyFires = false;
        for (var k = 0; k < RuleIndustries.Count && !anyFires; k++) anyFires = fires(k);
        if (!anyFires && !labels.Industries.Any(RuleIndustries.Contains)) return labels;
        var industries = labels.Industries.Where(i => i != ClauseTaxonomy.GeneralIndustry && !RuleIndustries.Contains(i)).ToList();
        var confidences = labels.IndustryConfidences.Where(kv => industries.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        for (var k = 0; k < RuleIndustries.Count; k++)
        {
            if (!fires(k)) continue;
            industries.Add(RuleIndustries[k]);
            confidences[RuleIndustries[k]] = 1.0;
        }
        if (industries.Count == 0)
        {
            if (labels.Industries.SequenceEqual([ClauseTaxonomy.GeneralIndustry])) return labels;
            // The model's own specific industries were all rule industries the rules did not confirm.
            var dropped = labels.IndustryConfidences.Values.DefaultIfEmpty(0).Max();
            return labels with { Industries = [ClauseTaxonomy.GeneralIndustry], IndustryConfidences = new Dictionary<string, double> { [ClauseTaxonomy.GeneralIndustry] = 1 - dropped } };
        }
        return labels with { Industries = industries, IndustryConfidences = confidences };
    }

    /// <summary>
    /// Every label's raw score (log-odds; softmax logits for the categories) for one feature vector, by the reference
    /// computation: the categories, then the instruments, then the specific industries, in their list order.
    /// </summary>
    public double[] Scores(SparseVector x)
    {
        var scores = new double[labelCount];
        for (var j = 0; j < labelCount; j++)
        {
            double sum = 0;
            for (var i = 0; i < x.Count; i++) sum += weights[x.Indices[i] * labelCount + j] * x.Values[i];
            scores[j] = sum + biases[j];
        }
        return scores;
    }

    /// <summary>Adds every instrument's weights times <paramref name="v"/>, label by label in double precision (reference path).</summary>
    private void AddInstrumentScores(Span<double> instrumentScores, SparseVector v)
    {
        for (var j = 0; j < instrumentScores.Length; j++)
        {
            double sum = 0;
            for (var i = 0; i < v.Count; i++) sum += weights[v.Indices[i] * labelCount + instrumentOffset + j] * v.Values[i];
            instrumentScores[j] += sum;
        }
    }

    /// <summary>
    /// The reference computation: a sorted sparse vector, every label's score summed separately in double precision,
    /// as the model was first written. Slow; kept so tests can show the fast path gives the same labels.
    /// </summary>
    /// <param name="input">the clause the vector was extracted from, for the rule industries (none applied without it)</param>
    public ClauseLabels Predict(SparseVector x, ClauseInput? input = null)
    {
        var scores = Scores(x);
        if (input is null) return Decide(scores);
        if (ReadsInstrumentWords && CategoryIsSupport(scores)) AddInstrumentScores(scores.AsSpan(instrumentOffset, Instruments.Count), Features.ExtractInstrumentWords(input));
        var labels = WithRuleIndustries(Decide(scores), k => KeywordRules.IndustryRuleFires(RuleIndustries[k], input));
        if (!ReadsSentences(labels, input)) return labels;
        var whole = Features.NewBuffer();
        Features.ExtractInto(input, whole);
        return ReadSentences(labels, input, ClauseFeatures.MatchesOf(whole), sentence =>
        {
            var part = Features.NewBuffer();
            Features.ExtractInto(sentence, part);
            var instrumentScores = biases[instrumentOffset..(instrumentOffset + Instruments.Count)].Select(b => (double)b).ToArray();
            AddInstrumentScores(instrumentScores, part.ToSparseVector());
            if (ReadsInstrumentWords) AddInstrumentScores(instrumentScores, Features.ExtractInstrumentWords(sentence));
            return instrumentScores;
        });
    }

    /// <summary>
    /// The weighted row sums with the (up to 40) label scores held in five 256-bit registers, and the row a few
    /// features ahead touched early so its cache lines are on their way while this one is summed.
    /// </summary>
    private void SumRows256(Span<float> scores, ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        const int Ahead = 6;
        ref var w = ref MemoryMarshal.GetArrayDataReference(weights);
        var width = (nuint)Vector256<float>.Count;
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default;
        var touched = 0f;
        for (var f = 0; f < indices.Length; f++)
        {
            if (f + Ahead < indices.Length)
            {
                var next = indices[f + Ahead] * labelCount;
                touched += weights[next] + weights[next + labelCount - 1];
            }
            var row = (nuint)(indices[f] * labelCount);
            var v = Vector256.Create(values[f]);
            a0 += Vector256.LoadUnsafe(ref w, row) * v;
            a1 += Vector256.LoadUnsafe(ref w, row + width) * v;
            a2 += Vector256.LoadUnsafe(ref w, row + 2 * width) * v;
            a3 += Vector256.LoadUnsafe(ref w, row + 3 * width) * v;
            a4 += Vector256.LoadUnsafe(ref w, row + 4 * width) * v;
        }
        Span<float> sums = stackalloc float[5 * Vector256<float>.Count];
        a0.CopyTo(sums);
        a1.CopyTo(sums[(int)width..]);
        a2.CopyTo(sums[(2 * (int)width)..]);
        a3.CopyTo(sums[(3 * (int)width)..]);
        a4.CopyTo(sums[(4 * (int)width)..]);
        for (var j = 0; j < scores.Length; j++) scores[j] += sums[j];
        if (float.IsNaN(touched)) scores[0] += 0; // keeps the early reads alive; never changes a score
    }

    private static void AddScaled(Span<float> scores, ReadOnlySpan<float> row, float value)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var v = new Vector<float>(value);
            for (; j <= row.Length - Vector<float>.Count; j += Vector<float>.Count)
            {
                var acc = new Vector<float>(scores[j..]) + new Vector<float>(row[j..]) * v;
                acc.CopyTo(scores[j..]);
            }
        }
        for (; j < row.Length; j++) scores[j] += row[j] * value;
    }

    private ClauseLabels Decide(ReadOnlySpan<double> scores)
    {
        var probabilities = CategoryOneVsRest ? NormalisedSigmoids(scores[..Categories.Count]) : Softmax(scores[..Categories.Count]);
        var best = 0;
        for (var k = 1; k < probabilities.Length; k++) if (probabilities[k] > probabilities[best]) best = k;
        var category = Categories[best];

        var instruments = new List<string>(2);
        var instrumentConfidences = new Dictionary<string, double>(2, StringComparer.Ordinal);
        if (category == ClauseTaxonomy.SupportCategory)
            Given(scores[instrumentOffset..industryOffset], Instruments, instrumentLogits, instruments, instrumentConfidences);
        var industries = new List<string>(1);
        var industryConfidences = new Dictionary<string, double>(1, StringComparer.Ordinal);
        var highest = Given(scores[industryOffset..], Industries, industryLogits, industries, industryConfidences);
        if (industries.Count == 0)
        {
            // general: no specific industry is likely; as sure as the likeliest specific one is unlikely.
            industries.Add(ClauseTaxonomy.GeneralIndustry);
            industryConfidences[ClauseTaxonomy.GeneralIndustry] = 1 - highest;
        }
        return new ClauseLabels(category, probabilities[best], instruments, industries)
        {
            InstrumentConfidences = instrumentConfidences,
            IndustryConfidences = industryConfidences,
        };
    }

    /// <summary>Adds every label whose probability σ(score) reaches its threshold; returns the highest probability.</summary>
    private static double Given(ReadOnlySpan<double> scores, IReadOnlyList<string> labels, double[] logits, List<string> given, Dictionary<string, double> confidences)
    {
        double highest = 0;
        for (var j = 0; j < scores.Length; j++)
        {
            var p = 1 / (1 + Math.Exp(-scores[j]));
            highest = Math.Max(highest, p);
            if (scores[j] < logits[j]) continue;
            given.Add(labels[j]);
            confidences[labels[j]] = p;
        }
        return highest;
    }

    private static double[] NormalisedSigmoids(ReadOnlySpan<double> scores)
    {
        var result = new double[scores.Length];
        double z = 0;
        for (var k = 0; k < result.Length; k++) z += result[k] = 1 / (1 + Math.Exp(-scores[k]));
        for (var k = 0; k < result.Length; k++) result[k] /= z;
        return result;
    }

    private static double[] Softmax(ReadOnlySpan<double> scores)
    {
        var result = new double[scores.Length];
        var max = double.NegativeInfinity;
        foreach (var s in scores) max = Math.Max(max, s);
        double z = 0;
        for (var k = 0; k < result.Length; k++) z += result[k] = Math.Exp(scores[k] - max);
        for (var k = 0; k < result.Length; k++) result[k] /= z;
        return result;
    }

    /// <summary>Writes the weights as half-precision floats, gzip-compressed; the same model always gives the same bytes.</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Features.Bits);
        writer.Write(JsonSerializer.Serialize(Features.Options));
        var categoryRows = Enumerable.Range(0, Categories.Count).SelectMany(LabelRow).ToArray();
        WriteTask(writer, Categories, [categoryRows]);
        WriteTask(writer, Instruments, [.. Enumerable.Range(instrumentOffset, Instruments.Count).Select(j => LabelRow(j).ToArray())]);
        WriteTask(writer, Industries, [.. Enumerable.Range(industryOffset, Industries.Count).Select(j => LabelRow(j).ToArray())]);
        foreach (var t in InstrumentThresholds.Concat(IndustryThresholds)) writer.Write(t);
        writer.Write(RuleIndustries.Count);
        foreach (var r in RuleIndustries) writer.Write(r);
        writer.Write(SentenceReading is null ? "" : JsonSerializer.Serialize(SentenceReading));
        writer.Write(CategoryOneVsRest);
    }

    /// <summary>One label's feature weights followed by its bias, as the file stores them.</summary>
    private IEnumerable<float> LabelRow(int label)
    {
        for (var i = 0; i < Features.Dimension; i++) yield return weights[i * labelCount + label];
        yield return biases[label];
    }

    /// <param name="segmenter">for a model that uses segmented words (its features say so); null: the shared default</param>
    public static ClauseModel Load(Stream stream, ISegmenter? segmenter = null)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
        var magic = reader.ReadString();
        if (magic is not (Magic or MagicV5 or MagicV4 or MagicV3 or MagicV2 or MagicV1)) throw new InvalidDataException($"not a clause model (header '{magic}')");
        var options = new FeatureOptions(reader.ReadInt32()) with { WordWeight = 0, InstrumentWordWeight = 0 };
        if (magic != MagicV1) options = ReadFeatureOptions(reader.ReadString());
        if (magic is not (Magic or MagicV5 or MagicV4)) options = options with { MaskCitedTitles = false }; // the option's default changed with v4
        if (magic != Magic && options.UsesWords)
            throw new InvalidDataException($"this clause model ({magic}) reads words the way before file version 6 did: retrain it (policyingest train)");
        var (categories, categoryWeights) = ReadTask(reader);
        var (instruments, instrumentWeights) = ReadTask(reader);
        var (industries, industryWeights) = ReadTask(reader);
        double[]? instrumentThresholds = null, industryThresholds = null;
        if (magic != MagicV1)
        {
            instrumentThresholds = [.. instruments.Select(_ => reader.ReadDouble())];
            industryThresholds = [.. industries.Select(_ => reader.ReadDouble())];
        }
        string[] ruleIndustries = [];
        if (magic is Magic or MagicV5 or MagicV4 or MagicV3) ruleIndustries = [.. Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString())];
        SentenceReading? sentenceReading = null;
        var categoryOneVsRest = false;
        if (magic is Magic or MagicV5)
        {
            if (reader.ReadString() is { Length: > 0 } reading)
                sentenceReading = JsonSerializer.Deserialize<SentenceReading>(reading) ?? throw new InvalidDataException("unreadable sentence reading in the clause model");
            categoryOneVsRest = reader.ReadBoolean();
        }
        return new ClauseModel(new ClauseFeatures(options, segmenter), categories, categoryWeights[0], instruments, instrumentWeights, industries, industryWeights,
            instrumentThresholds, industryThresholds, ruleIndustries, sentenceReading) { CategoryOneVsRest = categoryOneVsRest };
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        Save(file);
    }

    public static ClauseModel Load(string path, ISegmenter? segmenter = null)
    {
        using var file = File.OpenRead(path);
        return Load(file, segmenter);
    }

    /// <summary>Whether the model file at <paramref name="path"/> needs the segmenter (reads only its header).</summary>
    public static bool UsesWords(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        if (reader.ReadString() is not (Magic or MagicV5 or MagicV4 or MagicV3 or MagicV2)) return false;
        reader.ReadInt32();
        return ReadFeatureOptions(reader.ReadString()).UsesWords;
    }

    private static FeatureOptions ReadFeatureOptions(string json)
    {
        var options = JsonSerializer.Deserialize<FeatureOptions>(json) ?? throw new InvalidDataException("no feature options in the clause model");
        // A file written before the option existed was trained without it, whatever today's default is.
        return json.Contains($"\"{nameof(FeatureOptions.InstrumentWordWeight)}\"", StringComparison.Ordinal) ? options : options with { InstrumentWordWeight = 0 };
    }

    private static void WriteTask(BinaryWriter writer, IReadOnlyList<string> labels, float[][] weights)
    {
        writer.Write(labels.Count);
        foreach (var label in labels) writer.Write(label);
        writer.Write(weights.Length);
        foreach (var block in weights)
        {
            writer.Write(block.Length);
            foreach (var w in block) writer.Write((Half)w);
        }
    }

    private static (string[] Labels, float[][] Weights) ReadTask(BinaryReader reader)
    {
        var labels = new string[reader.ReadInt32()];
        for (var i = 0; i < labels.Length; i++) labels[i] = reader.ReadString();
        var weights = new float[reader.ReadInt32()][];
        for (var b = 0; b < weights.Length; b++)
        {
            weights[b] = new float[reader.ReadInt32()];
            for (var i = 0; i < weights[b].Length; i++) weights[b][i] = (float)reader.ReadHalf();
        }
        return (labels, weights);
    }
}
