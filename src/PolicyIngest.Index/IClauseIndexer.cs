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
}
