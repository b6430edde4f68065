using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using PolicyIngest.Cli;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Ingest;

namespace PolicyIngest.Evaluation.Real;

/// <summary>
/// `evaluate real`: the pipeline on files nobody here made (../shared/data/real: portal pages, law PDFs and DOCX,
/// WPS/OFD output) against the gold a helper labelled blind (corpus/real-gold/NN.json). Per-field accuracy, amount
/// precision/recall where the gold lists every amount, and every miss.
/// </summary>
public sealed partial class RealEvaluation : IMeasurement
{
    public string Name => "real";
    public string Description => "per-field accuracy on the real files of ../shared/data/real against corpus/real-gold (labelled blind)";

    private static readonly string[] FieldNames = ["title", "noticeTitle", "docNumber", "issuers", "issuedOn", "effectiveFrom", "expiresOn", "articleCount"];

    private sealed record GoldAmount(string Text, decimal Yuan);

    private sealed record Gold
    {
        public required string File { get; init; }
        public bool IsGongwen { get; init; }
        public string? Title { get; init; }
        public string? NoticeTitle { get; init; }
        public string? DocNumber { get; init; }
        public List<string>? Issuers { get; init; }
        public string? IssuedOn { get; init; }
        public string? EffectiveFrom { get; init; }
        public string? ExpiresOn { get; init; }
        public int? ArticleCount { get; init; }
        public List<GoldAmount>? Amounts { get; init; }
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var o = context.Out;
        var goldDir = Path.Combine(context.Settings.CorpusDirectory, "real-gold");
        var realDir = Path.Combine(context.SharedRoot, "data", "real");
        if (!Directory.Exists(goldDir) || !Directory.Exists(realDir))
        {
            context.Err.WriteLine($"error: {(Directory.Exists(goldDir) ? realDir : goldDir)}: not found");
            return ExitCodes.BadInput;
        }
        var processor = context.Services.CreateProcessor(context.ReadOptions);
        var right = FieldNames.ToDictionary(f => f, _ => 0);
        var asked = FieldNames.ToDictionary(f => f, _ => 0);
        var misses = new List<string>();
        int files = 0, failed = 0, amountTp = 0, amountFp = 0, amountFn = 0, amountFiles = 0;
        foreach (var goldPath in Directory.GetFiles(goldDir, "*.json").Order(StringComparer.Ordinal))
        {
            var gold = JsonSerializer.Deserialize<Gold>(File.ReadAllText(goldPath), Json)!;
            var path = Path.Combine(realDir, gold.File);
            if (!File.Exists(path)) { misses.Add($"{gold.File}: file missing"); continue; }
            files++;
            PolicyDocument? doc = null;
            try { doc = processor.Process(File.ReadAllBytes(path), path, cancellationToken); }
            catch (UnreadableDocumentException ex) { failed++; misses.Add($"{gold.File}: failed: {ex.Reason}"); }

            var got = new Dictionary<string, string?>
            {
                ["title"] = doc?.Title is { Length: > 0 } t ? t : null,
                ["noticeTitle"] = doc?.NoticeTitle,
                ["docNumber"] = doc?.DocNumber,
                ["issuers"] = doc is null ? null : string.Join("|", doc.Issuers),
                ["issuedOn"] = doc?.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["effectiveFrom"] = doc?.EffectiveFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["expiresOn"] = doc?.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["articleCount"] = doc is null ? null : ArticleCount(doc).ToString(CultureInfo.InvariantCulture),
            };
            var want = new Dictionary<string, string?>
            {
                ["title"] = gold.Title,
                ["noticeTitle"] = gold.NoticeTitle,
                ["docNumber"] = gold.DocNumber,
                ["issuers"] = gold.Issuers is null ? null : string.Join("|", gold.Issuers),
                ["issuedOn"] = gold.IssuedOn,
                ["effectiveFrom"] = gold.EffectiveFrom,
                ["expiresOn"] = gold.ExpiresOn,
                ["articleCount"] = gold.ArticleCount?.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var field in FieldNames)
            {
                // Issuers of a page that is not a 公文, and article counts of a text not in 条, are not labelled.
                if (field == "issuers" && gold.Issuers is null) continue;
                if (field == "articleCount" && gold.ArticleCount is null) continue;
                asked[field]++;
                if (Same(want[field], got[field])) right[field]++;
                else misses.Add($"{gold.File}: {field}: want {Short(want[field])}, got {Short(got[field])}");
            }
            if (gold.Amounts is { } amounts && doc is not null)
            {
                amountFiles++;
                var (tp, fp, fn) = Match(amounts, AllRanges(doc).ToList());
                amountTp += tp; amountFp += fp; amountFn += fn;
                if (fp + fn > 0) misses.Add($"{gold.File}: amounts: {tp} right, {fp} extra, {fn} missed");
            }
        }

        var total = FieldNames.Sum(f => right[f]);
        var totalAsked = FieldNames.Sum(f => asked[f]);
        o.WriteLine($"real files (../shared/data/real, gold corpus/real-gold labelled blind): {files} files, {failed} failed to read");
        o.WriteLine($"field accuracy: {Ratio(total, totalAsked)} ({total}/{totalAsked})");
        foreach (var field in FieldNames) o.WriteLine($"  {field,-14} {Ratio(right[field], asked[field])} ({right[field]}/{asked[field]})");
        var p = amountTp + amountFp == 0 ? 1 : (double)amountTp / (amountTp + amountFp);
        var r = amountTp + amountFn == 0 ? 1 : (double)amountTp / (amountTp + amountFn);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"amounts ({amountFiles} files whose gold lists every amount): P {p:0.000} R {r:0.000} F1 {(p + r == 0 ? 0 : 2 * p * r / (p + r)):0.000} ({amountTp} right, {amountFp} extra, {amountFn} missed)"));
        o.WriteLine($"misses ({misses.Count}):");
        foreach (var miss in misses) o.WriteLine($"  {miss}");
        return ExitCodes.Done;
    }

    /// <summary>Articles of the main document (parts are attachments, not counted in the gold).</summary>
    private static int ArticleCount(PolicyDocument doc) => doc.Clauses.Count(c => c.Kind == ClauseKind.Article);

    private static IEnumerable<(decimal Low, decimal? High)> AllRanges(PolicyDocument doc) =>
        doc.Amounts.Select(a => (a.Yuan, a.YuanHigh)).Concat(doc.Parts.SelectMany(AllRanges));

    /// <summary>
    /// The gold lists a range written with a dash (0.80-1.50元) once, at its low end, and a range written in words
    /// (五万元以上二百万元以下) as its two sums: a found range matches the first, else both of its ends are matched.
    /// </summary>
    private static (int Tp, int Fp, int Fn) Match(List<GoldAmount> expected, List<(decimal Low, decimal? High)> found)
    {
        var dashed = expected.Where(a => DashedRange().IsMatch(a.Text)).Select(a => a.Yuan).ToList();
        var single = expected.Where(a => !DashedRange().IsMatch(a.Text)).Select(a => a.Yuan).ToList();
        int tp = 0, fp = 0;
        foreach (var (low, high) in found)
        {
            if (high is not null && dashed.Remove(low)) { tp++; continue; }
            foreach (var v in high is { } h ? new[] { low, h } : [low])
            {
                if (single.Remove(v) || dashed.Remove(v)) tp++;
                else fp++;
            }
        }
        return (tp, fp, dashed.Count + single.Count);
    }

    [GeneratedRegex(@"\d\s*[-－—–~～]\s*\d")]
    private static partial Regex DashedRange();

    /// <summary>Equal after whitespace is dropped: the gold keeps the printed characters, the comparison ignores spacing only.</summary>
    private static bool Same(string? a, string? b) => Squeeze(a) == Squeeze(b);

    private static string? Squeeze(string? s) => s is null ? null : Whitespace().Replace(s, "") is { Length: > 0 } x ? x : null;

    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex Whitespace();

    private static string Short(string? s) => s is null ? "null" : s.Length <= 80 ? s : s[..80] + "…";

    private static string Ratio(int a, int b) => b == 0 ? "n/a" : ((double)a / b).ToString("0.000", CultureInfo.InvariantCulture);
}
