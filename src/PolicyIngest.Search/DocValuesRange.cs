using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PolicyIngest.Search;

/// <summary>
/// Documents whose numeric doc value lies in [<paramref name="min"/>, <paramref name="max"/>] (documents without the value
/// never match). The facts' dates and amounts are kept as doc values only: a numeric field indexed as trie terms wrote 8
/// (int) or 16 (long) terms per clause for each of four facts, a large share of the writer's work for a value that filters
/// read as a range and the facets read from the doc values anyway. Filters are kept per segment as bits
/// (<see cref="BitSetFilterCache"/>), so the scan over a segment's values is paid once per distinct range.
/// </summary>
internal sealed class DocValuesRange(string field, long min, long max) : Filter
{
    public static Query Of(string field, long? min, long? max) =>
        new ConstantScoreQuery(new DocValuesRange(field, min ?? long.MinValue, max ?? long.MaxValue));

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var values = reader.GetNumericDocValues(field);
        if (values is null) return null;
        var present = reader.GetDocsWithField(field);
        var bits = new FixedBitSet(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (acceptDocs is not null && !acceptDocs.Get(doc)) continue;
            var v = values.Get(doc);
            if (v >= min && v <= max && present.Get(doc)) bits.Set(doc);
        }
        return bits;
    }

    public override string ToString() => $"{field}:[{min} TO {max}]";

    public override bool Equals(object? obj) => obj is DocValuesRange r && r.ToString() == ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
