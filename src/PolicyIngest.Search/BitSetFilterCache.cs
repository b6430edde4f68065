using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PolicyIngest.Search;

/// <summary>
/// The filters of recent searches, each cached per index segment as a bit set. Most searches carry the same filter
/// (current versions, as of today), which matches nearly every clause: read from its postings for every query it
/// doubled the cost of a query at a million clauses; as bits the scorer skips filtered documents at no cost
/// (FilteredQuery takes the random-access path when a filter's set has bits).
/// </summary>
internal sealed class BitSetFilterCache
{
    private const int Capacity = 64;
    private readonly ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);

    public Filter For(Query filter)
    {
        var key = filter.ToString();
        if (_filters.TryGetValue(key, out var cached)) return cached;
        if (_filters.Count >= Capacity) _filters.Clear();
        return _filters.GetOrAdd(key, _ => new BitSetCachingFilter(new QueryWrapperFilter(filter)));
    }

    /// <summary>Lucene's per-segment filter cache, keeping each segment's set as bits rather than a compressed list.</summary>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            if (docIdSet?.GetIterator() is { } iterator) bits.Or(iterator);
            return bits;
        }
    }
}
