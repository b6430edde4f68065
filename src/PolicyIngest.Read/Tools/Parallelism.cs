using System.Runtime.ExceptionServices;
using PolicyIngest.Core;

namespace PolicyIngest.Read.Tools;

/// <summary>
/// Parallel work (Parallel.For, PLINQ) whose failures surface as the failure itself: both wrap what a worker throws in
/// an AggregateException, which hid a page range's "the PDF is damaged" behind a parser crash ("could not be processed").
/// </summary>
public static class Parallelism
{
    public static void Run(Action work) => Run(() => { work(); return 0; });

    /// <exception cref="UnreadableDocumentException">the first one a worker threw</exception>
    /// <exception cref="OperationCanceledException">when the work was cancelled</exception>
    public static T Run<T>(Func<T> work)
    {
        try { return work(); }
        catch (AggregateException ex)
        {
            var inner = ex.Flatten().InnerExceptions;
            var first = inner.FirstOrDefault(e => e is UnreadableDocumentException) ?? inner.FirstOrDefault(e => e is OperationCanceledException)
                        ?? (inner.Count == 1 ? inner[0] : null);
            if (first is not null) ExceptionDispatchInfo.Capture(first).Throw();
            throw;
        }
    }
}
