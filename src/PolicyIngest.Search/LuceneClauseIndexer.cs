using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;
using PolicyIngest.Index;

namespace PolicyIngest.Search;

/// <summary>
/// <see cref="IClauseIndexer"/> for the Lucene index. Inside the catalogue's unit of work it only stages the version's
/// clause documents (keyed by row id, so staging again replaces); the owner calls <see cref="LuceneClauseIndex.Commit"/>
/// after the catalogue's commit.
/// </summary>
/// <remarks>
/// The scheme, and why it is correct enough for this slice: the catalogue is the source of truth and the index can
/// always be rebuilt from it (<see cref="LuceneClauseIndex.Rebuild"/>). A crash between the two commits leaves the index
/// behind the catalogue (rebuild); a rolled-back unit of work leaves staged documents whose rows do not exist, and
/// every hit goes through the catalogue's rows, so they are never shown (a later version reusing the row id replaces
/// them). Issue #18's change sequence (catch-up from the last applied sequence in the commit data) replaces this.
/// </remarks>
public sealed class LuceneClauseIndexer(LuceneClauseIndex index) : IClauseIndexer
{
    public void IndexVersion(IVersionWrite version, PolicyDocument document)
    {
        foreach (var (rowId, heading, text) in version.Clauses())
            index.Stage(rowId, heading.Length == 0 ? text : heading + " " + text);
    }
}
