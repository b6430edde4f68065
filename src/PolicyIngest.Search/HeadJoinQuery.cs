using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Term = Lucene.Net.Index.Term;

namespace PolicyIngest.Search;

/// <summary>
/// The clauses of the versions whose head (title, notice title, 发文字号, issuer, region) matches <see cref="Head"/>, each
/// scored as its version's head document scores. A version's clauses are written as one block followed by its head
/// document (<see cref="LuceneFields.HeadMarker"/>), so the clauses of a head are the documents between it and the head
/// before it.
/// </summary>
/// <remarks>
/// Replaces the head fields written on every clause: measured at a million clauses they were a sixth of the build, and a
/// title word's postings (every clause of every version with that word in its title) were much of a query's time.
/// </remarks>
public sealed class HeadJoinQuery(Query head) : Query
{
    public Query Head => head;

    public override Weight CreateWeight(IndexSearcher searcher) => new JoinWeight(this, head.CreateWeight(searcher));

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = head.Rewrite(reader);
        return ReferenceEquals(rewritten, head) ? this : new HeadJoinQuery(rewritten) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms) => head.ExtractTerms(terms);

    public override string ToString(string field) => "head(" + head.ToString(field) + ")" + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) => obj is HeadJoinQuery other && Boost == other.Boost && head.Equals(other.Head);

    public override int GetHashCode() => HashCode.Combine(head.GetHashCode(), Boost, nameof(HeadJoinQuery));

    /// <summary>A segment's head documents as bits, and how many (read once per segment core, deleted ones included).</summary>
    internal sealed record SegmentHeads(FixedBitSet Bits, int Count);

    internal static SegmentHeads HeadsOf(AtomicReader reader) => Heads.GetValue(reader.CoreCacheKey, _ => ReadHeads(reader));

    private static readonly ConditionalWeakTable<object, SegmentHeads> Heads = new();

    private static SegmentHeads ReadHeads(AtomicReader reader)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        var count = 0;
        // Deleted heads too (no live docs): the bits are shared by every reader of this segment core, and an older reader
        // may still see a version a newer one has deleted. Without its head, that version's clauses would join the next head's.
        var terms = reader.GetTerms(LuceneFields.HeadMarker)?.GetEnumerator();
        var docs = terms is not null && terms.SeekExact(new BytesRef(LuceneFields.HeadMarkerValue)) ? terms.Docs(null, null, DocsFlags.NONE) : null;
        if (docs is not null)
        {
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                bits.Set(doc);
                count++;
            }
        }
        return new SegmentHeads(bits, count);
    }

    private sealed class JoinWeight(HeadJoinQuery query, Weight head) : Weight
    {
        public override Query Query => query;

        public override float GetValueForNormalization() => head.GetValueForNormalization() * query.Boost * query.Boost;

        public override void Normalize(float norm, float topLevelBoost) => head.Normalize(norm, topLevelBoost * query.Boost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // The heads are matched whatever the filter (a filter names clauses); deleted heads are left out.
            var heads = head.GetScorer(context, context.AtomicReader.LiveDocs);
            return heads is null ? null : new JoinScorer(this, heads, HeadsOf(context.AtomicReader), acceptDocs);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is not null && scorer.Advance(doc) == doc)
                return new Explanation(scorer.GetScore(), "score of the version's head, " + query.Head);
            return new Explanation(0f, "the version's head does not match " + query.Head);
        }
    }

    /// <summary>Steps through the clauses of each matching head in turn, skipping those the filter or deletions leave out.</summary>
    private sealed class JoinScorer(Weight weight, Scorer heads, SegmentHeads segmentHeads, IBits? acceptDocs) : Scorer(weight)
    {
        private int _doc = -1;
        private int _head = -1;
        private float _score;

        public override int DocID => _doc;

        public override int Freq => 1;

        public override float GetScore() => _score;

        public override long GetCost()
        {
            // A head's clauses: the segment's documents over its heads, times the heads matched.
            var count = Math.Max(1, segmentHeads.Count);
            return heads.GetCost() * Math.Max(1, (segmentHeads.Bits.Length - count) / count);
        }

        public override int NextDoc() => _doc == DocIdSetIterator.NO_MORE_DOCS ? _doc : Advance(_doc + 1);

        public override int Advance(int target)
        {
            if (_head == DocIdSetIterator.NO_MORE_DOCS) return _doc = DocIdSetIterator.NO_MORE_DOCS;
            while (true)
            {
                if (target < _head)
                {
                    // Inside the current head's block: the next accepted clause at or after the target.
                    for (var doc = target; doc < _head; doc++)
                        if (acceptDocs is null || acceptDocs.Get(doc)) return _doc = doc;
                    target = _head + 1;
                }
                // The target is at or past the current head (a head is never a clause): the next matching head after both.
                var next = heads.Advance(Math.Max(target, _head + 1));
                if (next == DocIdSetIterator.NO_MORE_DOCS)
                {
                    _head = DocIdSetIterator.NO_MORE_DOCS;
                    return _doc = DocIdSetIterator.NO_MORE_DOCS;
                }
                // Only a head opens a block (an inner query matching a clause would otherwise join everything before it).
                if (!segmentHeads.Bits.Get(next))
                {
                    target = next + 1;
                    _head = next;
                    continue;
                }
                _head = next;
                _score = heads.GetScore();
                var first = next == 0 ? 0 : segmentHeads.Bits.PrevSetBit(next - 1) + 1;
                target = Math.Max(target, first);
            }
        }
    }
}
