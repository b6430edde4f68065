using Microsoft.Data.Sqlite;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Index;

/// <summary>Writes a version's clauses into the search index inside the catalogue's transaction.</summary>
public interface IClauseIndexer
{
    void IndexVersion(SqliteTransaction transaction, string versionId, PolicyDocument document);
}
