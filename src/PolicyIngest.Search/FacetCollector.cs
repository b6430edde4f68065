using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Search;

/// <summary>
/// Counts the facets (region, issuer, category, instrument, industry, status as of a day) over every matching document
/// from the segment's doc values held in memory (<see cref="SegmentFacets"/>), per segment by ordinal, and the matches;
/// no stored field is read and no match is kept.
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
        _segment = new SegmentCounts(SegmentFacets.Of(context.AtomicReader));
    }

    public void Collect(int doc)
    {
        Total++;
        var s = _segment!;
        var f = s.Facts;
        Single(f.Region, s.Region, doc);
        Single(f.Issuer, s.Issuer, doc);
        Single(f.Category, s.Category, doc);
        Multi(f.Instrument, s.Instrument, doc);
        Multi(f.Industry, s.Industry, doc);
        var flags = f.Flags[doc];
        var status = LuceneFilter.StatusOf((flags & SegmentFacets.RepealedFlag) != 0, (flags & SegmentFacets.SupersededFlag) != 0, f.Effective[doc], f.Expires[doc], asOf);
        _status[status] = _status.GetValueOrDefault(status) + 1;
    }

    /// <summary>The facets over every document collected.</summary>
    public Dictionary<string, Dictionary<string, int>> Facets()
    {
        Flush();
        foreach (var (k, v) in _status) _counts["status"][k] = v;
        return _counts;
    }

    private static void Single(SegmentFacets.Single values, int[] counts, int doc)
    {
        var ord = values.Ords[doc];
        if (ord >= 0) counts[ord]++;
    }

    private static void Multi(SegmentFacets.Multi values, int[] counts, int doc)
    {
        for (var i = values.Starts[doc]; i < values.Starts[doc + 1]; i++) counts[values.Ords[i]]++;
    }

    private void Flush()
    {
        if (_segment is not { } s) return;
        Add("region", s.Facts.Region.Labels, s.Region);
        Add("issuer", s.Facts.Issuer.Labels, s.Issuer);
        Add("category", s.Facts.Category.Labels, s.Category);
        Add("instrument", s.Facts.Instrument.Labels, s.Instrument);
        Add("industry", s.Facts.Industry.Labels, s.Industry);
        _segment = null;
    }

    private void Add(string facet, string[] labels, int[] counts)
    {
        var f = _counts[facet];
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] == 0 || labels[ord].Length == 0) continue;
            f[labels[ord]] = f.GetValueOrDefault(labels[ord]) + counts[ord];
        }
    }

    /// <summary>One segment's counts by ordinal: a segment's values are few (regions, issuers, labels), its matches up to a million.</summary>
    private sealed class SegmentCounts(SegmentFacets facts)
    {
        public readonly SegmentFacets Facts = facts;
        public readonly int[] Region = new int[facts.Region.Labels.Length];
        public readonly int[] Issuer = new int[facts.Issuer.Labels.Length];
        public readonly int[] Category = new int[facts.Category.Labels.Length];
        public readonly int[] Instrument = new int[facts.Instrument.Labels.Length];
        public readonly int[] Industry = new int[facts.Industry.Labels.Length];
    }
}
