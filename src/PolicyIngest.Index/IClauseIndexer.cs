using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Index;

/// <summary>
/// Indexes a version's clauses for search as part of storing it: called with the version's unit of work, so an index kept
/// in the catalogue (FTS5 today) is written with the version or not at all. An index kept elsewhere reads the clauses
/// (row ids, heading, text) from it and writes its own store.
/// </summary>
public interface IClauseIndexer
{
    void IndexVersion(IVersionWrite version, PolicyDocument document);

    /// <summary>
    /// Does ahead what needs only the document (the FTS5 indexer segments its clauses), before the catalogue is locked for
    /// the version's write; the indexer returned writes it inside the write with <see cref="IndexVersion"/> for that
    /// document. By default nothing is done ahead.
    /// </summary>
    IClauseIndexer Prepare(PolicyDocument document) => this;
}
