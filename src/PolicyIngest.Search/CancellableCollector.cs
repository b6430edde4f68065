using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PolicyIngest.Search;

/// <summary>
/// Passes every hit on to <paramref name="inner"/> and stops the search (OperationCanceledException) once the token is
/// cancelled: checked at each segment and every 4,096 hits, so a broad query over a million clauses stops within
/// milliseconds of the web request being aborted.
/// </summary>
internal sealed class CancellableCollector(ICollector inner, CancellationToken cancellationToken) : ICollector
{
    private int _sinceCheck;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        cancellationToken.ThrowIfCancellationRequested();
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (++_sinceCheck == 4096)
        {
            _sinceCheck = 0;
            cancellationToken.ThrowIfCancellationRequested();
        }
        inner.Collect(doc);
    }
}
