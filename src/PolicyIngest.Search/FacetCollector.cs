using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Search;

/// <summary>
/// Counts the facets (region, issuer, category, instrument, industry, status as of a day) over every matching document
/// from doc values, per segment by ordinal, and the matches; no stored field is read and no match is kept.
/// </summary>
internal sealed class FacetCollector(int asOf) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = ResultPage.FacetNames.ToDictionary(n => n, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly Dictionary<string, int> _status = new(StringComparer.Ordinal);
    private SegmentCounts? _segment;

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _segment = new SegmentCounts(context.AtomicReader);
    }

    public void Collect(int doc)
    {
        Total++;
        var s = _segment!;
        s.Single(s.Region, s.RegionCounts, doc);
        s.Single(s.Issuer, s.IssuerCounts, doc);
        s.Single(s.Category, s.CategoryCounts, doc);
        s.Multi(s.Instrument, s.InstrumentCounts, doc);
        s.Multi(s.Industry, s.IndustryCounts, doc);
        var status = LuceneFilter.StatusOf(s.Repealed?.Get(doc) == 1, s.Superseded?.Get(doc) == 1,
            (int)(s.Effective?.Get(doc) ?? LuceneFilter.NoStart), (int)(s.Expires?.Get(doc) ?? LuceneFilter.NoEnd), asOf);
        _status[status] = _status.GetValueOrDefault(status) + 1;
    }

    /// <summary>The facets over every document collected.</summary>
    public Dictionary<string, Dictionary<string, int>> Facets()
    {
        Flush();
        foreach (var (k, v) in _status) _counts["status"][k] = v;
        return _counts;
    }

    private void Flush()
    {
        if (_segment is not { } s) return;
        Add("region", s.Region, s.RegionCounts);
        Add("issuer", s.Issuer, s.IssuerCounts);
        Add("category", s.Category, s.CategoryCounts);
        Add("instrument", s.Instrument, s.InstrumentCounts);
        Add("industry", s.Industry, s.IndustryCounts);
        _segment = null;
    }

    private void Add(string facet, SortedDocValues? values, Dictionary<long, int> counts)
    {
        var bytes = new BytesRef();
        foreach (var (ord, n) in counts)
        {
            values!.LookupOrd((int)ord, bytes);
            Count(facet, bytes.Utf8ToString(), n);
        }
    }

    private void Add(string facet, SortedSetDocValues? values, Dictionary<long, int> counts)
    {
        var bytes = new BytesRef();
        foreach (var (ord, n) in counts)
        {
            values!.LookupOrd(ord, bytes);
            Count(facet, bytes.Utf8ToString(), n);
        }
    }

    private void Count(string facet, string value, int n)
    {
        if (value.Length == 0) return;
        var f = _counts[facet];
        f[value] = f.GetValueOrDefault(value) + n;
    }

    private sealed class SegmentCounts(AtomicReader reader)
    {
        public readonly SortedDocValues? Region = reader.GetSortedDocValues(LuceneFields.Region);
        public readonly SortedDocValues? Issuer = reader.GetSortedDocValues(LuceneFields.Issuer);
        public readonly SortedDocValues? Category = reader.GetSortedDocValues(LuceneFields.Category);
        public readonly SortedSetDocValues? Instrument = reader.GetSortedSetDocValues(LuceneFields.Instrument);
        public readonly SortedSetDocValues? Industry = reader.GetSortedSetDocValues(LuceneFields.Industry);
        public readonly NumericDocValues? Repealed = reader.GetNumericDocValues(LuceneFields.Repealed);
        public readonly NumericDocValues? Superseded = reader.GetNumericDocValues(LuceneFields.Superseded);
        public readonly NumericDocValues? Effective = reader.GetNumericDocValues(LuceneFields.EffectiveFrom);
        public readonly NumericDocValues? Expires = reader.GetNumericDocValues(LuceneFields.ExpiresOn);
        public readonly Dictionary<long, int> RegionCounts = [], IssuerCounts = [], CategoryCounts = [], InstrumentCounts = [], IndustryCounts = [];

        public void Single(SortedDocValues? values, Dictionary<long, int> counts, int doc)
        {
            if (values is null) return;
            var ord = values.GetOrd(doc);
            if (ord >= 0) counts[ord] = counts.GetValueOrDefault(ord) + 1;
        }

        public void Multi(SortedSetDocValues? values, Dictionary<long, int> counts, int doc)
        {
            if (values is null) return;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) counts[ord] = counts.GetValueOrDefault(ord) + 1;
        }
    }
}
