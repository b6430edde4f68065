using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PolicyIngest.Search;

/// <summary>
/// One segment's facet doc values read once into arrays: the ordinal of each document's region, issuer and category,
/// its instruments and industries (ordinals packed per document), its status facts, and each ordinal's label. Doc values
/// are read from disk at each access through NIOFSDirectory's 1 KiB buffers: measured (a thread-time profile of `bench
/// search` at a million clauses), counting the facets of a query's matches read its doc values one random file read at a
/// time and was the largest single cost of a query. Segments are immutable, so the arrays stay true for the segment's
/// life; they are dropped with it (keyed on its core). About 30 bytes per document.
/// </summary>
internal sealed class SegmentFacets
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = new();

    public readonly Single Region, Issuer, Category;
    public readonly Multi Instrument, Industry;
    public readonly byte[] Flags;
    public readonly int[] Effective, Expires;

    public const byte RepealedFlag = 1, SupersededFlag = 2;

    private SegmentFacets(AtomicReader reader)
    {
        var n = reader.MaxDoc;
        Region = new Single(reader.GetSortedDocValues(LuceneFields.Region), n);
        Issuer = new Single(reader.GetSortedDocValues(LuceneFields.Issuer), n);
        Category = new Single(reader.GetSortedDocValues(LuceneFields.Category), n);
        Instrument = new Multi(reader.GetSortedSetDocValues(LuceneFields.Instrument), n);
        Industry = new Multi(reader.GetSortedSetDocValues(LuceneFields.Industry), n);
        Flags = new byte[n];
        Effective = Numbers(reader.GetNumericDocValues(LuceneFields.EffectiveFrom), n, LuceneFilter.NoStart);
        Expires = Numbers(reader.GetNumericDocValues(LuceneFields.ExpiresOn), n, LuceneFilter.NoEnd);
        var repealed = reader.GetNumericDocValues(LuceneFields.Repealed);
        var superseded = reader.GetNumericDocValues(LuceneFields.Superseded);
        for (var doc = 0; doc < n; doc++)
        {
            byte f = 0;
            if (repealed?.Get(doc) == 1) f |= RepealedFlag;
            if (superseded?.Get(doc) == 1) f |= SupersededFlag;
            Flags[doc] = f;
        }
    }

    public static SegmentFacets Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentFacets(reader));

    private static int[] Numbers(NumericDocValues? values, int n, int missing)
    {
        var a = new int[n];
        for (var doc = 0; doc < n; doc++) a[doc] = values is null ? missing : (int)values.Get(doc);
        return a;
    }

    private static string[] Labels(int count, Action<int, BytesRef> lookup)
    {
        var labels = new string[count];
        var bytes = new BytesRef();
        for (var ord = 0; ord < count; ord++)
        {
            lookup(ord, bytes);
            labels[ord] = bytes.Utf8ToString();
        }
        return labels;
    }

    /// <summary>A single-valued facet: each document's ordinal (−1: none) and each ordinal's label.</summary>
    public sealed class Single
    {
        public readonly int[] Ords;
        public readonly string[] Labels;

        public Single(SortedDocValues? values, int n)
        {
            Ords = new int[n];
            if (values is null)
            {
                Array.Fill(Ords, -1);
                Labels = [];
                return;
            }
            for (var doc = 0; doc < n; doc++) Ords[doc] = values.GetOrd(doc);
            Labels = SegmentFacets.Labels(values.ValueCount, values.LookupOrd);
        }
    }

    /// <summary>A multi-valued facet: the ordinals of document d are <c>Ords[Starts[d]..Starts[d + 1]]</c>.</summary>
    public sealed class Multi
    {
        public readonly int[] Starts;
        public readonly int[] Ords;
        public readonly string[] Labels;

        public Multi(SortedSetDocValues? values, int n)
        {
            Starts = new int[n + 1];
            if (values is null)
            {
                Ords = [];
                Labels = [];
                return;
            }
            var ords = new List<int>(n);
            for (var doc = 0; doc < n; doc++)
            {
                Starts[doc] = ords.Count;
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
            }
            Starts[n] = ords.Count;
            Ords = ords.ToArray();
            Labels = SegmentFacets.Labels(checked((int)values.ValueCount), (ord, bytes) => values.LookupOrd(ord, bytes));
        }
    }
}
