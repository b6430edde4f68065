using PolicyIngest.Core;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Alignment;
using PolicyIngest.Track.Text;

namespace PolicyIngest.Evaluation.Diff;

/// <summary>The kinds of edit the simulator applies, one or several per revision.</summary>
public enum RevisionEdit { ChangeAmounts, InsertArticle, DeleteArticle, MoveArticle, MergeArticles, SplitArticle, ModifyText, RewordSentence, RestructureChapters, Cosmetic }

/// <summary>A link the diff must report: old unit key → new unit key (either may be null) with its change.</summary>
public sealed record ExpectedLink(string? OldKey, string? NewKey, PairChange Change);

/// <summary>An amount change the diff must report, keyed by article labels and yuan.</summary>
public sealed record ExpectedAmountChange(string? OldArticle, decimal? OldYuan, string? NewArticle, decimal? NewYuan, AmountChangeKind Change);

/// <summary>One simulated revision: the two versions and exactly what changed between them.</summary>
public sealed record SimulatedRevision(
    string Name, IReadOnlyList<RevisionEdit> Edits, PolicyDocument Old, PolicyDocument New,
    IReadOnlyList<ExpectedLink> Links, IReadOnlyList<ExpectedAmountChange> AmountChanges)
{
    public bool CosmeticOnly => Edits.All(e => e is RevisionEdit.Cosmetic or RevisionEdit.RestructureChapters);
}

/// <summary>
/// Applies known edits to a real document — amounts changed, articles inserted and deleted with the rest renumbered,
/// moved, merged, split, reworded, chapters regrouped, cosmetic-only rewrites — and records the ground truth.
/// Amounts travel with their text, so the truth is what a perfect extractor would report on the new version.
/// </summary>
public sealed partial class RevisionSimulator(Random random)
{
    private sealed class SimAmount
    {
        public required MonetaryAmount Original { get; init; }
        public bool FromOld { get; init; }
        public required string Text { get; set; }
        public required decimal Yuan { get; set; }
    }

    private sealed class SimUnit
    {
        public required int[] Origins { get; init; }
        public required string Body { get; set; }
        public required bool LabelInText { get; init; }
        public required string OriginalLabel { get; init; }
        public required bool IsArticle { get; init; }
        public string? Chapter { get; set; }
        public List<SimAmount> Amounts { get; init; } = [];
        public PairChange Kind { get; set; } = PairChange.Unchanged;
        public bool TextChanged { get; set; }
        public bool Locked => Kind is PairChange.Added or PairChange.Merged or PairChange.Split;
    }

    /// <summary>A revision of <paramref name="source"/> with <paramref name="edits"/>; donor supplies inserted articles.</summary>
    public SimulatedRevision? Revise(string name, PolicyDocument source, PolicyDocument donor, IReadOnlyList<RevisionEdit> edits)
    {
        var oldDoc = source with { Parts = [] };
        var oldUnits = UnitBuilder.Build(oldDoc);
        if (oldUnits.Count(u => IsArticleLabel(u.CanonicalLabel)) < 4) return null;
        var units = oldUnits.Select(u => ToSim(u, oldDoc, fromOld: true)).ToList();
        // Inserted articles are new text: nothing close to a provision the source already has.
        var sourceGrams = oldUnits.Select(u => Bigrams.Of(u.Body)).ToList();
        var donorUnits = UnitBuilder.Build(donor with { Parts = [] })
            .Where(u => u.Body.Length >= 20 && sourceGrams.All(g => Overlap(Bigrams.Of(u.Body), g) < 0.3)).ToList();
        var removedOld = new List<int>();
        var cosmetic = false;
        var restructure = false;
        foreach (var edit in edits)
        {
            var applied = edit switch
            {
                RevisionEdit.ChangeAmounts => ChangeAmounts(units),
                RevisionEdit.InsertArticle => Insert(units, donorUnits, donor),
                RevisionEdit.DeleteArticle => Delete(units, removedOld),
                RevisionEdit.MoveArticle => Move(units),
                RevisionEdit.MergeArticles => Merge(units),
                RevisionEdit.SplitArticle => Split(units),
                RevisionEdit.ModifyText => Modify(units),
                RevisionEdit.RewordSentence => Reword(units, donorUnits),
                RevisionEdit.RestructureChapters => restructure = true,
                RevisionEdit.Cosmetic => cosmetic = true,
                _ => false,
            };
            if (!applied) return null;
        }
        return Emit(name, edits, oldDoc, oldUnits, units, removedOld, cosmetic, restructure);
    }

    private static SimUnit ToSim(DiffUnit u, PolicyDocument doc, bool fromOld)
    {
        var bodyStart = u.BodyStart < u.Comparable.Text.Length ? u.Comparable.OriginalSpan(u.BodyStart, u.BodyStart + 1).Start : u.Text.Length;
        var body = u.Text[bodyStart..];
        var ids = u.ClauseIds.ToHashSet();
        var amounts = doc.Amounts.Where(a => ids.Contains(a.ClauseId) && body.Contains(a.Text, StringComparison.Ordinal))
            .Select(a => new SimAmount { Original = a, FromOld = fromOld, Text = a.Text, Yuan = a.Yuan }).ToList();
        var chapter = u.Path.Count > 1 && u.Path[0].StartsWith('第') && u.Path[0].EndsWith('章') ? u.Path[0] : null;
        return new SimUnit
        {
            Origins = fromOld ? [u.Index] : [],
            Body = body,
            LabelInText = u.BodyStart > 0,
            OriginalLabel = u.Label,
            IsArticle = IsArticleLabel(u.CanonicalLabel),
            Chapter = chapter,
            Amounts = amounts,
            Kind = fromOld ? PairChange.Unchanged : PairChange.Added,
        };
    }

    private T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];

    private List<int> Candidates(List<SimUnit> units, Func<SimUnit, bool> ok) =>
        Enumerable.Range(0, units.Count).Where(i => units[i].IsArticle && !units[i].Locked && ok(units[i])).ToList();

    private static int WholeSumAt(string body, string sum, int from)
    {
        for (var at = body.IndexOf(sum, from, StringComparison.Ordinal); at >= 0; at = body.IndexOf(sum, at + 1, StringComparison.Ordinal))
            if (at == 0 || sum.Length == 0 || !IsNumeral(body[at - 1]) || !IsNumeral(sum[0])) return at;
        return -1;
    }

    private static bool IsNumeral(char c) => char.IsAsciiDigit(c) || c == '.' || "零〇一二两三四五六七八九十百千万亿".Contains(c);

    private bool ChangeAmounts(List<SimUnit> units)
    {
        var pool = units.Where(u => u.Kind != PairChange.Added).SelectMany(u => u.Amounts.Select(a => (u, a)))
            .Where(x => x.a.Original.YuanHigh is null && NumberRun().IsMatch(x.a.Text)).ToList();
        if (pool.Count == 0) return false;
        var count = Math.Min(pool.Count, 1 + random.Next(3));
        foreach (var (u, a) in pool.OrderBy(_ => random.Next()).Take(count))
        {
            var m = NumberRun().Match(a.Text);
            var digits = m.Value;
            decimal value;
            bool chinese;
            if (decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out value)) chinese = false;
            else if (ChineseNumerals.Parse(digits) is { } cn) { value = cn; chinese = true; }
            else continue;
            if (value <= 0) continue;
            var factors = new[] { 2m, 3m, 0.5m, 1.5m, 1.2m, 0.8m, 10m };
            var next = decimal.Round(value * Pick(factors), 0);
            if (next == value || next <= 0 || chinese && next > 9999) next = value + 1;
            if (chinese && next > 9999) continue;
            var newDigits = chinese ? ChineseNumerals.Format((int)next) : next.ToString(CultureInfo.InvariantCulture);
            var newText = a.Text[..m.Index] + newDigits + a.Text[(m.Index + m.Length)..];
            var at = WholeSumAt(u.Body, a.Text, 0);
            if (at < 0 || u.Body.IndexOf(newText, StringComparison.Ordinal) >= 0) continue;
            // Replace the occurrence that belongs to this amount: the k-th one among amounts with equal text (never the
            // tail of a longer number: 十万元 inside 二十万元 is another sum).
            var k = u.Amounts.Where(x => x.Text == a.Text).ToList().IndexOf(a);
            for (var s = 0; s < k && at >= 0; s++) at = WholeSumAt(u.Body, a.Text, at + a.Text.Length);
            if (at < 0) continue;
            u.Body = u.Body[..at] + newText + u.Body[(at + a.Text.Length)..];
            a.Yuan = a.Yuan * next / value;
            a.Text = newText;
            u.TextChanged = true;
        }
        return true;
    }

    private bool Insert(List<SimUnit> units, List<DiffUnit> donorUnits, PolicyDocument donor)
    {
        if (donorUnits.Count == 0) return false;
        var d = ToSim(Pick(donorUnits), donor with { Parts = [] }, fromOld: false);
        var articles = Enumerable.Range(0, units.Count).Where(i => units[i].IsArticle).ToList();
        var at = articles[random.Next(articles.Count)] + random.Next(2);
        var inserted = new SimUnit
        {
            Origins = [], Body = d.Body, LabelInText = units.First(u => u.IsArticle).LabelInText, OriginalLabel = "", IsArticle = true,
            Chapter = units[Math.Min(at, units.Count - 1)].Chapter, Amounts = d.Amounts, Kind = PairChange.Added,
        };
        units.Insert(at, inserted);
        return true;
    }

    private bool Delete(List<SimUnit> units, List<int> removedOld)
    {
        var c = Candidates(units, u => u.Kind == PairChange.Unchanged && !u.TextChanged);
        if (c.Count < 4) return false;
        var i = Pick(c);
        removedOld.AddRange(units[i].Origins);
        units.RemoveAt(i);
        return true;
    }

    private bool Move(List<SimUnit> units)
    {
        var c = Candidates(units, _ => true);
        if (c.Count < 4) return false;
        var from = Pick(c);
        var to = Pick(c.Where(x => Math.Abs(x - from) >= 2).ToList());
        var u = units[from];
        units.RemoveAt(from);
        units.Insert(Math.Min(to, units.Count), u);
        u.Chapter = units[Math.Max(0, Math.Min(to, units.Count - 1) - 1)].Chapter ?? u.Chapter;
        return true;
    }

    private bool Merge(List<SimUnit> units)
    {
        var c = Candidates(units, u => !u.TextChanged && u.Kind == PairChange.Unchanged)
            .Where(i => i + 1 < units.Count && units[i + 1].IsArticle && !units[i + 1].Locked && !units[i + 1].TextChanged
                        && units[i + 1].Kind == PairChange.Unchanged && units[i].Body.Length >= 15 && units[i + 1].Body.Length >= 15)
            .ToList();
        if (c.Count == 0) return false;
        var i = Pick(c);
        var a = units[i];
        var b = units[i + 1];
        units[i] = new SimUnit
        {
            Origins = [.. a.Origins, .. b.Origins], Body = a.Body + "\n" + b.Body, LabelInText = a.LabelInText, OriginalLabel = a.OriginalLabel,
            IsArticle = true, Chapter = a.Chapter, Amounts = [.. a.Amounts, .. b.Amounts], Kind = PairChange.Merged,
        };
        units.RemoveAt(i + 1);
        return true;
    }

    private bool Split(List<SimUnit> units)
    {
        var c = Candidates(units, u => u.Kind == PairChange.Unchanged && !u.TextChanged && SplitPoint(u.Body) > 0);
        if (c.Count == 0) return false;
        var i = Pick(c);
        var u = units[i];
        var cut = SplitPoint(u.Body);
        var first = u.Body[..cut].TrimEnd();
        var second = u.Body[cut..].TrimStart();
        SimUnit Piece(string body) => new()
        {
            Origins = u.Origins, Body = body, LabelInText = u.LabelInText, OriginalLabel = u.OriginalLabel, IsArticle = true,
            Chapter = u.Chapter, Amounts = u.Amounts.Where(a => body.Contains(a.Text, StringComparison.Ordinal)).ToList(), Kind = PairChange.Split,
        };
        units[i] = Piece(first);
        units.Insert(i + 1, Piece(second));
        // An amount whose text sits in both halves would be counted twice: such splits are not simulated.
        return units[i].Amounts.Count + units[i + 1].Amounts.Count == u.Amounts.Count;
    }

    /// <summary>A sentence end near the middle leaving two pieces of at least 15 characters, or 0.</summary>
    private static int SplitPoint(string body)
    {
        var best = 0;
        for (var k = 15; k < body.Length - 15; k++)
            if (body[k - 1] is '。' or '；' && (best == 0 || Math.Abs(k - body.Length / 2) < Math.Abs(best - body.Length / 2))) best = k;
        return best;
    }

    private static readonly string[] Additions =
    [
        "具体办法由主管部门另行制定。", "相关部门应当加强协同配合。", "有关情况应当按规定予以公示。",
        "对弄虚作假的，依法追究相应责任。", "并纳入年度绩效考核。",
    ];

    private bool Modify(List<SimUnit> units)
    {
        var c = Candidates(units, u => u.Kind == PairChange.Unchanged && u.Body.Length >= 10);
        if (c.Count == 0) return false;
        var u = units[Pick(c)];
        var end = u.Body.TrimEnd();
        u.Body = end.EndsWith('。') ? end + Pick(Additions) : end + "，" + Pick(Additions);
        u.TextChanged = true;
        return true;
    }

    /// <summary>Replaces one sentence (at most 40% of the article, no sums in it) with a sentence from another document.</summary>
    private bool Reword(List<SimUnit> units, List<DiffUnit> donorUnits)
    {
        var donorSentences = donorUnits.SelectMany(u => Sentences(u.Text))
            .Where(x => x.Length is >= 10 and <= 60 && !x.Any(char.IsAsciiDigit) && !x.Contains('元')).ToList();
        if (donorSentences.Count == 0) return false;
        var c = Candidates(units, u => u.Kind == PairChange.Unchanged && !u.TextChanged && Sentences(u.Body).Count >= 2);
        foreach (var i in c.OrderBy(_ => random.Next()))
        {
            var u = units[i];
            var options = Sentences(u.Body).Where(x => x.Length * 10 <= u.Body.Length * 4 && x.Length >= 6
                && !u.Amounts.Any(a => x.Contains(a.Text, StringComparison.Ordinal))).ToList();
            if (options.Count == 0) continue;
            var target = Pick(options);
            var at = u.Body.IndexOf(target, StringComparison.Ordinal);
            u.Body = u.Body[..at] + Pick(donorSentences) + u.Body[(at + target.Length)..];
            u.TextChanged = true;
            return true;
        }
        return false;
    }

    private static List<string> Sentences(string text)
    {
        var list = new List<string>();
        var start = 0;
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] is not ('。' or '；')) continue;
            var sentence = text[start..(k + 1)].Trim();
            if (sentence.Length > 0) list.Add(sentence);
            start = k + 1;
        }
        return list;
    }

    private SimulatedRevision Emit(string name, IReadOnlyList<RevisionEdit> edits, PolicyDocument oldDoc, IReadOnlyList<DiffUnit> oldUnits,
        List<SimUnit> units, List<int> removedOld, bool cosmetic, bool restructure)
    {
        var clauses = new List<Clause>();
        var amounts = new List<MonetaryAmount>();
        var links = new List<ExpectedLink>();
        var amountChanges = new List<ExpectedAmountChange>();
        var firstArticle = oldUnits.Where(u => IsArticleLabel(u.CanonicalLabel)).Select(u => ArticleNumber(u.CanonicalLabel)).First();
        var articleNo = firstArticle;
        var articleCount = units.Count(u => u.IsArticle);
        var perChapter = Math.Max(2, articleCount / (3 + random.Next(4)));
        string? lastChapter = null;
        var chapterNo = 0;
        var seenArticles = 0;
        for (var k = 0; k < units.Count; k++)
        {
            var u = units[k];
            var id = $"u{k + 1}";
            var label = u.IsArticle ? $"第{ChineseNumerals.Format(articleNo++)}条" : u.OriginalLabel;
            string? chapter = u.Chapter;
            if (restructure && u.IsArticle)
            {
                if (seenArticles % perChapter == 0) chapterNo++;
                chapter = $"第{ChineseNumerals.Format(chapterNo)}章";
                seenArticles++;
            }
            if (chapter is not null && chapter != lastChapter)
            {
                clauses.Add(new Clause { Id = $"ch{k + 1}", Kind = ClauseKind.Chapter, Label = chapter, Path = [chapter], Text = chapter + (restructure ? " 分则" + chapterNo : "") });
                lastChapter = chapter;
            }
            var body = cosmetic ? Cosmetic(u.Body, u.Amounts.Select(a => a.Text).ToList()) : u.Body;
            var shownLabel = cosmetic && u.IsArticle && random.Next(3) == 0 ? $"第{articleNo - 1}条" : label;
            var text = u.LabelInText ? shownLabel + (cosmetic ? " " : "　") + body : body;
            clauses.Add(new Clause
            {
                Id = id, Kind = u.IsArticle ? ClauseKind.Article : ClauseKind.Paragraph, Label = shownLabel,
                Path = chapter is null ? [shownLabel] : [chapter, shownLabel], Text = text,
            });
            foreach (var a in u.Amounts)
            {
                amounts.Add(a.Original with { ClauseId = id, Article = label, Text = a.Text, Yuan = a.Yuan });
                if (!a.FromOld) amountChanges.Add(new(null, null, label, a.Yuan, AmountChangeKind.Added));
                else if (a.Yuan != a.Original.Yuan)
                    amountChanges.Add(new(a.Original.Article, a.Original.Yuan, label, a.Yuan,
                        a.Yuan > a.Original.Yuan ? AmountChangeKind.Increased : AmountChangeKind.Decreased));
            }
            var newKey = $"0:{id}";
            if (u.Kind == PairChange.Added) { links.Add(new(null, newKey, PairChange.Added)); continue; }
            foreach (var o in u.Origins)
            {
                var old = oldUnits[o];
                var change = u.Kind switch
                {
                    PairChange.Merged or PairChange.Split => u.Kind,
                    _ when u.TextChanged => PairChange.Modified,
                    _ => UnitLabels.Canonical(label) == old.CanonicalLabel || !u.IsArticle ? PairChange.Unchanged : PairChange.Moved,
                };
                links.Add(new(old.Key, newKey, change));
            }
        }
        foreach (var o in removedOld)
        {
            links.Add(new(oldUnits[o].Key, null, PairChange.Removed));
            var ids = oldUnits[o].ClauseIds.ToHashSet();
            foreach (var a in oldDoc.Amounts.Where(a => ids.Contains(a.ClauseId) && oldUnits[o].Text.Contains(a.Text, StringComparison.Ordinal)))
                amountChanges.Add(new(a.Article, a.Yuan, null, null, AmountChangeKind.Removed));
        }
        var newDoc = oldDoc with
        {
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name))),
            Source = oldDoc.Source + "#" + name,
            Clauses = clauses,
            Amounts = amounts,
            Rates = [],
        };
        return new SimulatedRevision(name, edits, oldDoc with { Rates = [] }, newDoc, links, amountChanges);
    }

    /// <summary>Cosmetic rewrite: full-width brackets to half-width, 第十五条 to 第15条, spaces and line breaks after punctuation.</summary>
    private string Cosmetic(string body, IReadOnlyList<string> amountTexts)
    {
        var s = body.Replace('（', '(').Replace('）', ')');
        s = ArticleRef().Replace(s, m => ChineseNumerals.Parse(m.Groups[1].Value) is { } n ? $"第{n}{m.Groups[2].Value}" : m.Value);
        // Character variants a re-typeset edition brings: 〇/零, 帐/账, and the Kangxi radical ⼀ a PDF font maps 一 to.
        var variants = random.Next(2) == 0;
        var sb = new StringBuilder();
        foreach (var ch in s)
        {
            sb.Append(variants ? ch switch { '零' => '〇', '账' => '帐', '一' => '\u2F00', _ => ch } : ch);
            if (ch is '，' or '。' or '；' && random.Next(3) == 0) sb.Append(random.Next(2) == 0 ? " " : "\n");
        }
        var result = sb.ToString();
        // Amount texts must stay findable verbatim, or the rewrite is not applied to this provision.
        return amountTexts.All(a => result.Contains(a, StringComparison.Ordinal)) ? result : body;
    }

    private static double Overlap(HashSet<int> a, HashSet<int> b) => a.Count == 0 ? 0 : (double)a.Count(b.Contains) / a.Count;

    private static bool IsArticleLabel(string canonical) => canonical.StartsWith('第') && canonical.EndsWith('条');

    private static int ArticleNumber(string canonical) => ChineseNumerals.Parse(canonical[1..^1]) ?? 1;

    [GeneratedRegex(@"[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+")]
    private static partial Regex NumberRun();

    [GeneratedRegex(@"第([一二三四五六七八九十百]+)(条|款|项)")]
    private static partial Regex ArticleRef();
}
