using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PolicyIngest.Index.Search;
using PolicyIngest.Segmentation;
using Term = Lucene.Net.Index.Term;

namespace PolicyIngest.Search;

/// <summary>
/// The query language of <see cref="SearchQuery"/> on Lucene queries: groups ANDed (MUST), the terms of a group ORed,
/// exclusions MUST_NOT. One term reads the engine's fields: SmartCn words ANDed, jieba words ANDed (precise cut,
/// function characters left out as FTS5 does), the bigram phrase; a quoted phrase is a bigram (or SmartCn) phrase.
/// With <paramref name="headBoost"/> above 0 a term also matches the version's head (title, 发文字号, issuer, region) at that
/// weight, so 营业额 申报标准 finds the clauses of 经营者集中申报标准 whose text says 营业额.
/// </summary>
public sealed class LuceneQueryBuilder(LuceneClauseIndex index, LuceneEngine engine, float jiebaBoost = 1f, float gramsBoost = 2f,
    float smartCnBoost = 1f, float headBoost = 0f)
{
    public LuceneEngine Engine => engine;

    /// <summary>Each group as a query (null entries dropped): AND of them is the strict query, "most of them" the relaxed one.</summary>
    public List<Query> Groups(SearchQuery query)
    {
        var groups = new List<Query>();
        foreach (var group in query.Groups)
        {
            var alternatives = group.Select(Term).OfType<Query>().ToList();
            if (alternatives.Count == 0) continue;
            if (alternatives.Count == 1) { groups.Add(alternatives[0]); continue; }
            var or = new BooleanQuery();
            foreach (var a in alternatives) or.Add(a, Occur.SHOULD);
            groups.Add(or);
        }
        return groups;
    }

    /// <summary>Clauses with at least <paramref name="minimum"/> of the groups (all of them: the strict query), without the excluded terms.</summary>
    public Query? Build(SearchQuery query, IReadOnlyList<Query> groups, int minimum)
    {
        if (groups.Count == 0) return null;
        var q = new BooleanQuery();
        var all = minimum >= groups.Count;
        foreach (var g in groups) q.Add(g, all ? Occur.MUST : Occur.SHOULD);
        if (!all) q.MinimumNumberShouldMatch = minimum;
        foreach (var ex in query.Excluded)
        {
            if (Term(ex) is { } e) q.Add(e, Occur.MUST_NOT);
        }
        return q;
    }

    /// <summary>One typed term on the engine's fields, or null when nothing of it can match.</summary>
    public Query? Term(QueryTerm term)
    {
        var text = IndexText.Of(term.Text);
        // A cut word is read from the word fields; with bigrams alone there are none, so it stays a prefix there.
        var asWord = term.Word && engine != LuceneEngine.Bigrams;
        var alternatives = new List<Query>();
        if (engine is LuceneEngine.SmartCn or LuceneEngine.All && SmartCnQuery(term) is { } s)
        {
            s.Boost = smartCnBoost;
            alternatives.Add(s);
        }
        if (engine is LuceneEngine.Jieba or LuceneEngine.JiebaAndBigrams or LuceneEngine.All && !(term.Phrase && engine != LuceneEngine.Jieba)
            && JiebaQuery(text, term.Phrase, LuceneFields.Jieba) is { } j)
        {
            j.Boost = jiebaBoost;
            alternatives.Add(j);
        }
        if (engine is LuceneEngine.Bigrams or LuceneEngine.JiebaAndBigrams or LuceneEngine.All && GramsQuery(text, LuceneFields.Grams, asWord) is { } g)
        {
            g.Boost = gramsBoost;
            alternatives.Add(g);
            // 500万元 also finds 五百万元 (and back): laws write their fines in Chinese numerals.
            foreach (var spelling in AmountSpellings.Of(text.Text))
            {
                if (GramsQuery(IndexText.Of(spelling), LuceneFields.Grams) is not { } other) continue;
                other.Boost = gramsBoost;
                alternatives.Add(other);
            }
        }
        if (headBoost > 0 && !term.Phrase)
        {
            // The head's words and bigrams, matched on the head documents and scored on their clauses.
            var head = new BooleanQuery();
            if (JiebaQuery(text, false, LuceneFields.HeadJieba) is { } hj) { hj.Boost = headBoost * jiebaBoost; head.Add(hj, Occur.SHOULD); }
            if (GramsQuery(text, LuceneFields.HeadGrams, asWord) is { } hg) { hg.Boost = headBoost * gramsBoost; head.Add(hg, Occur.SHOULD); }
            if (head.Clauses.Count > 0) alternatives.Add(new HeadJoinQuery(head));
        }
        return alternatives.Count <= 1 ? alternatives.FirstOrDefault() : Or(alternatives);
    }

    private static BooleanQuery Or(IEnumerable<Query> alternatives)
    {
        var or = new BooleanQuery();
        foreach (var a in alternatives) or.Add(a, Occur.SHOULD);
        return or;
    }

    private Query? JiebaQuery(IndexText text, bool phrase, string field)
    {
        var words = index.ClauseAnalyzer.Words(text, SegmentMode.Precise).Select(t => t.Text).ToList();
        if (!phrase && words.Count > 1 && words.Any(w => !FtsExpression.FunctionWords.Contains(w))) words.RemoveAll(FtsExpression.FunctionWords.Contains);
        // Words ANDed even for a phrase: search-mode pieces sit between a long word's neighbours, so positions do not make phrases.
        return words.Count == 0 ? null : And(field, words);
    }

    private static Query? GramsQuery(IndexText text, string field, bool word = false)
    {
        var grams = ClauseAnalyzer.Bigrams(text).Select(t => t.Text).ToList();
        if (grams.Count == 0) return null;
        // A lone Han character typed: every bigram starting with it (FTS5's prefix query "贴"*). A lone character the
        // segmenter cut from a question (不, 长) is a word, read from the word fields: its prefix matches a large share of
        // the clauses and was rebuilt as a bit set on every relaxed pass (a tenth of a relaxed search's time at 1M).
        if (grams.Count == 1 && grams[0].Length == 1 && IndexText.IsHan(grams[0][0]))
            return word ? null : new PrefixQuery(new Term(field, grams[0]));
        return Phrase(field, grams);
    }

    private Query? SmartCnQuery(QueryTerm term)
    {
        var words = new List<string>();
        using (var ts = index.SmartCn.GetTokenStream(LuceneFields.SmartCn, term.Text))
        {
            var attr = ts.AddAttribute<ICharTermAttribute>();
            ts.Reset();
            while (ts.IncrementToken()) words.Add(attr.ToString());
            ts.End();
        }
        return words.Count == 0 ? null : term.Phrase ? Phrase(LuceneFields.SmartCn, words) : And(LuceneFields.SmartCn, words);
    }

    private static Query And(string field, IReadOnlyList<string> words)
    {
        if (words.Count == 1) return new TermQuery(new Term(field, words[0]));
        var q = new BooleanQuery();
        foreach (var w in words.Distinct(StringComparer.Ordinal)) q.Add(new TermQuery(new Term(field, w)), Occur.MUST);
        return q;
    }

    private static Query Phrase(string field, IReadOnlyList<string> words)
    {
        if (words.Count == 1) return new TermQuery(new Term(field, words[0]));
        var q = new PhraseQuery();
        foreach (var w in words) q.Add(new Term(field, w));
        return q;
    }
}
