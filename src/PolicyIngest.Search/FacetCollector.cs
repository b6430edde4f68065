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

    private void Add(string facet, SortedDocValues? values, int[] counts)
    {
        var bytes = new BytesRef();
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] == 0) continue;
            values!.LookupOrd(ord, bytes);
            Count(facet, bytes.Utf8ToString(), counts[ord]);
        }
    }

    private void Add(string facet, SortedSetDocValues? values, int[] counts)
    {
        var bytes = new BytesRef();
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] == 0) continue;
            values!.LookupOrd(ord, bytes);
            Count(facet, bytes.Utf8ToString(), counts[ord]);
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
        // Counts by ordinal: a segment's values are few (regions, issuers, labels), its matches up to a million.
        public readonly int[] RegionCounts = Slots(reader.GetSortedDocValues(LuceneFields.Region)?.ValueCount);
        public readonly int[] IssuerCounts = Slots(reader.GetSortedDocValues(LuceneFields.Issuer)?.ValueCount);
        public readonly int[] CategoryCounts = Slots(reader.GetSortedDocValues(LuceneFields.Category)?.ValueCount);
        public readonly int[] InstrumentCounts = Slots(reader.GetSortedSetDocValues(LuceneFields.Instrument)?.ValueCount);
        public readonly int[] IndustryCounts = Slots(reader.GetSortedSetDocValues(LuceneFields.Industry)?.ValueCount);

        private static int[] Slots(long? valueCount) => new int[checked((int)(valueCount ?? 0))];

        public void Single(SortedDocValues? values, int[] counts, int doc)
        {
            if (values is null) return;
            var ord = values.GetOrd(doc);
            if (ord >= 0) counts[ord]++;
        }

        public void Multi(SortedSetDocValues? values, int[] counts, int doc)
        {
            if (values is null) return;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) counts[ord]++;
        }
    }
}
