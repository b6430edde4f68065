using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PolicyIngest.Search;

/// <summary>
/// The filters of recent searches, each kept per index segment as a bit set. Most searches carry the same filter
/// (current versions, as of today), which matches nearly every clause: read from its postings for every query it
/// doubled the cost of a query at a million clauses; as bits the scorer skips filtered documents at no cost.
/// </summary>
internal sealed class BitSetFilterCache
{
    private const int Capacity = 64;
    private readonly ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BitSetFilter> _conditions = new(StringComparer.Ordinal);

    /// <summary>
    /// The filter's bits. A filter of several required conditions (the current versions, a district, an amount) is the AND
    /// of each condition's bits, each kept on its own: a new combination (another district with the same amount, or the
    /// same district without it) reads only the conditions not seen before.
    /// </summary>
    public Filter For(Query filter) =>
        Cached(_filters, filter, f => f is BooleanQuery { Clauses.Count: > 1 } all && all.Clauses.All(c => c.Occur == Occur.MUST)
            ? new AllOfFilter(all.Clauses.Select(c => Cached(_conditions, c.Query, q => new BitSetFilter(q))).ToArray())
            : new BitSetFilter(f));

    /// <summary>The entry for the query's text, made when missing; a full cache is emptied (recent filters are few).</summary>
    private static T Cached<T>(ConcurrentDictionary<string, T> cache, Query query, Func<Query, T> make)
    {
        var key = query.ToString();
        if (cache.TryGetValue(key, out var cached)) return cached;
        if (cache.Count >= Capacity) cache.Clear();
        return cache.GetOrAdd(key, _ => make(query));
    }
}

/// <summary>A filter query's documents per segment as bits, computed once per segment (deletions applied on each use).</summary>
internal sealed class BitSetFilter(Query filter) : Filter
{
    private readonly QueryWrapperFilter _inner = new(filter);
    private readonly ConditionalWeakTable<object, SegmentBits> _segments = new();

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var segment = Segment(context);
        return new FilterBits(segment.Set, segment.Share, acceptDocs);
    }

    /// <summary>The segment's bits (no deletions applied) and the share of its documents they let through.</summary>
    internal SegmentBits Segment(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        return _segments.GetValue(reader.CoreCacheKey, _ =>
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            if (_inner.GetDocIdSet(context, null)?.GetIterator() is { } iterator) bits.Or(iterator);
            return SegmentBits.Of(bits);
        });
    }

    public override string ToString() => "bits(" + filter + ")";
}

/// <summary>A segment's filter bits and the share of its documents they let through (counted once).</summary>
internal sealed record SegmentBits(FixedBitSet Set, double Share)
{
    public static SegmentBits Of(FixedBitSet bits) => new(bits, bits.Length == 0 ? 0 : (double)bits.Cardinality / bits.Length);
}

/// <summary>Documents every one of the conditions lets through: the AND of their cached bits, kept per segment.</summary>
internal sealed class AllOfFilter(BitSetFilter[] conditions) : Filter
{
    private readonly ConditionalWeakTable<object, SegmentBits> _segments = new();

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var segment = _segments.GetValue(context.AtomicReader.CoreCacheKey, _ =>
        {
            var bits = conditions[0].Segment(context).Set.Clone();
            for (var i = 1; i < conditions.Length; i++) bits.And(conditions[i].Segment(context).Set);
            return SegmentBits.Of(bits);
        });
        return new FilterBits(segment.Set, segment.Share, acceptDocs);
    }

    public override string ToString() => "all(" + string.Join<BitSetFilter>(", ", conditions) + ")";
}

/// <summary>One segment's filter bits with its deletions, and how much of the segment they let through.</summary>
internal sealed class FilterBits(FixedBitSet set, double share, IBits? acceptDocs) : DocIdSet, IBits
{
    /// <summary>The share of the segment's documents the filter lets through (deletions not counted), counted once per segment.</summary>
    public double Share => share;

    public override IBits Bits => acceptDocs is null ? set : this;

    public override bool IsCacheable => true;

    public override DocIdSetIterator GetIterator() =>
        acceptDocs is null ? set.GetIterator() : new AcceptedIterator(set.GetIterator(), acceptDocs);

    public bool Get(int index) => set.Get(index) && acceptDocs!.Get(index);

    public int Length => set.Length;

    private sealed class AcceptedIterator(DocIdSetIterator inner, IBits accept) : DocIdSetIterator
    {
        public override int DocID => inner.DocID;

        public override int NextDoc()
        {
            int doc;
            while ((doc = inner.NextDoc()) != NO_MORE_DOCS && !accept.Get(doc)) { }
            return doc;
        }

        public override int Advance(int target)
        {
            var doc = inner.Advance(target);
            while (doc != NO_MORE_DOCS && !accept.Get(doc)) doc = inner.NextDoc();
            return doc;
        }

        public override long GetCost() => inner.GetCost();
    }
}

/// <summary>
/// How a filtered query meets its filter, per segment: a dense filter (current versions: nearly every clause) as bits the
/// scorer checks, at no cost; a sparse one (a district, an amount range) by moving the query to the filter's documents,
/// so the query's terms are read only where the filter lets a match through. Lucene's default decides by where the
/// filter's first document lies, which takes the bits path for sparse filters too.
/// </summary>
internal sealed class FilterDensityStrategy : FilteredQuery.RandomAccessFilterStrategy
{
    public static readonly FilterDensityStrategy Instance = new();

    /// <summary>Filters letting through at least this share of a segment's documents are read as bits.</summary>
    private const double DenseShare = 0.25;

    public override Scorer FilteredScorer(AtomicReaderContext context, Weight weight, DocIdSet docIdSet) =>
        docIdSet is FilterBits { Share: < DenseShare }
            ? FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY.FilteredScorer(context, weight, docIdSet)
            : base.FilteredScorer(context, weight, docIdSet);

    protected override bool UseRandomAccess(IBits bits, int firstFilterDoc) => true;
}
