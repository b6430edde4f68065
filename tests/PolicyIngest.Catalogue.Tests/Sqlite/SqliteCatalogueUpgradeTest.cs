using Microsoft.Data.Sqlite;
using PolicyIngest.Catalogue;
using PolicyIngest.Core.Json;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Catalogue.Tests.Sqlite;

/// <summary>SQLite only. A catalogue written before migration 040 (document JSON inside the version row) opens with its documents intact.</summary>
public sealed class SqliteCatalogueUpgradeTest : IDisposable
{
    private readonly TempDir _dir = new("policyingest-upgrade-");

    [Fact]
    public void Migration040_MovesDocumentJsonOutOfTheVersionRow()
    {
        var path = _dir.File("old.db");
        var document = new PolicyDocument
        {
            Source = "old.txt", Sha256 = new string('a', 64), Format = SourceFormat.Txt, DocType = DocType.Policy,
            Title = "怀柔区促进先进制造业高质量发展扶持办法", DocNumber = "怀经信发〔2025〕35号", Clauses = [],
        };
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            Exec(old, "CREATE TABLE schema_migration (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
            foreach (var name in CatalogueDatabase.MigrationNames().Where(n => string.CompareOrdinal(ShortName(n), "040") < 0))
            {
                using var stream = typeof(CatalogueDatabase).Assembly.GetManifestResourceStream(name)!;
                Exec(old, new StreamReader(stream).ReadToEnd());
                Exec(old, $"INSERT INTO schema_migration VALUES ('{ShortName(name)}', '2026-01-01')");
            }
            Exec(old, "INSERT INTO policy(id, title, created_at) VALUES ('p1', 't', '2026-01-01')");
            using var insert = old.CreateCommand();
            insert.CommandText = """
                INSERT INTO version(id, policy_id, seq, sha256, source, format, doc_type, title, ingested_at, document_json, superseded_by)
                VALUES ('v1', 'p1', 1, $sha, 'old.txt', 'txt', 'policy', 't', '2026-01-01', $json, 'v2')
                """;
            insert.Parameters.AddWithValue("$sha", document.Sha256);
            insert.Parameters.AddWithValue("$json", PolicyJson.Serialize(document, indented: false));
            insert.ExecuteNonQuery();
        }

        using var upgraded = new CatalogueStore(path);
        Assert.Equal("怀经信发〔2025〕35号", upgraded.LoadDocument("v1")!.DocNumber);
        // why: the columns after document_json (added by later migrations) keep their values
        Assert.Equal(new object?[] { "v2" }, CatalogueFile.Row(path, "SELECT superseded_by FROM version WHERE id = 'v1'"));
        Assert.Equal(new object?[] { 0L }, CatalogueFile.Row(path, "SELECT COUNT(*) FROM pragma_table_info('version') WHERE name = 'document_json'"));
    }

    [Fact]
    public void ClauseConfidences_AreStoredBesideTheLabels()
    {
        var path = _dir.File("new.db");
        using var store = new CatalogueStore(path);
        var document = new PolicyDocument
        {
            Source = "a.txt", Sha256 = new string('b', 64), Format = SourceFormat.Txt, DocType = DocType.Policy, Title = "t",
            Clauses =
            [
                new Clause
                {
                    Id = "art1", Kind = ClauseKind.Article, Label = "第一条", Path = ["第一条"], Text = "给予贷款贴息。",
                    Category = "support", CategoryConfidence = 0.9, Instruments = ["interest_subsidy"], Industries = ["general"],
                    InstrumentConfidences = new Dictionary<string, double> { ["interest_subsidy"] = 0.87 },
                    IndustryConfidences = new Dictionary<string, double> { ["general"] = 0.95 },
                },
            ],
        };
        var versionId = store.SaveVersion(document, PolicyLink.NewPolicy(), DateTimeOffset.UtcNow).Id;
        var row = CatalogueFile.Row(path, "SELECT instrument_confidences_json, industry_confidences_json FROM clause WHERE version_id = $v", ("$v", versionId));
        Assert.Equal(new object?[] { "{\"interest_subsidy\":0.87}", "{\"general\":0.95}" }, row);
    }

    [Fact]
    public void MigrationNames_AreTheNamesExistingCataloguesRecorded()
    {
        // why: the files moved into Migrations/Sqlite (issue #20); a catalogue file made before records them by file name
        // alone, and a different name would apply a migration twice
        string[] recorded =
        [
            "001_catalogue.sql", "002_version_status.sql", "010_search.sql", "020_versions.sql", "030_fetch.sql", "040_version_document.sql",
            "041_search_covering.sql", "050_clause_confidences.sql", "060_version_file.sql", "070_version_text.sql", "071_validity.sql",
            "080_change_log.sql", "090_ref_keys.sql", "100_run_node.sql",
        ];
        var path = _dir.File("names.db");
        using (new CatalogueStore(path)) { }

        Assert.Equal(recorded, CatalogueDatabase.MigrationNames().Select(ShortName));
        Assert.Equal(new object?[] { string.Join(',', recorded) },
            CatalogueFile.Row(path, "SELECT group_concat(name, ',') FROM (SELECT name FROM schema_migration ORDER BY name)"));
    }

    private static string ShortName(string resource) => CatalogueDatabase.MigrationName(resource);

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _dir.Dispose();
}
