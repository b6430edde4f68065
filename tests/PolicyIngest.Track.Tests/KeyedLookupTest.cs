using System.Security.Cryptography;
using System.Text;
using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;
using PolicyIngest.Ingest;
using PolicyIngest.Track.Renditions;

namespace PolicyIngest.Track.Tests;

/// <summary>
/// Issue #20, on a real SQLite catalogue through the real ingest service: a stored 同时废止 reference is found by the keys
/// of the document it names (not by reading every reference), and a rendition is judged only against the versions whose
/// 发文字号 and dates could be its own; what is found is what the rules (<see cref="VersionLinker.Names"/>,
/// <see cref="Renditions.Renditions.Judge"/>) decide.
/// </summary>
public sealed class KeyedLookupTest : IDisposable
{
    private readonly TrackCatalogue _track = new();

    public void Dispose() => _track.Dispose();

    private static PolicyDocument Doc(string source, string title, string? docNumber, DateOnly? issued, string[] articles, params DocRef[] repeals) => new()
    {
        Source = source, Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source + title + docNumber + string.Concat(articles)))),
        Format = SourceFormat.Txt, DocType = DocType.Policy, Title = title, DocNumber = docNumber, Issuer = "怀柔区人民政府", IssuedOn = issued,
        Repeals = repeals,
        Clauses = Clauses(articles),
    };

    /// <summary>Articles 第一条, 第二条, … in order; a text starting with '-' is an unnumbered line (a printed page number).</summary>
    private static List<Clause> Clauses(string[] texts)
    {
        var clauses = new List<Clause>();
        var article = 0;
        foreach (var text in texts)
        {
            var line = text.StartsWith('-');
            var label = line ? "" : $"第{"一二三四五六七八九"[article++]}条";
            clauses.Add(new Clause { Id = $"c{clauses.Count + 1}", Kind = line ? ClauseKind.Paragraph : ClauseKind.Article, Label = label, Path = [], Text = text });
        }
        return clauses;
    }

    private static readonly string[] Body = ["为促进产业发展，制定本办法。", "对企业给予30万元支持。"];

    public static TheoryData<string, string?, string, string?, bool> RepealCases => new()
    {
        // why: the 发文字号 in another bracket style is the same key
        { "某某产业扶持办法", "京政发（2020）1号", "另一个标题的办法", "京政发〔2020〕1号", true },
        // why: the title without year, 《》 and （试行） is the same key; the reference gives no number
        { "《2020年怀柔区促进产业发展办法（试行）》", null, "怀柔区促进产业发展办法", "怀政发〔2020〕9号", true },
        // why: the same title under another 发文字号 is another document
        { "怀柔区促进产业发展办法", "怀政发〔2020〕1号", "怀柔区促进产业发展办法", "怀政发〔2019〕1号", false },
        // why: a document without a 发文字号 is named by title
        { "怀柔区促进产业发展办法", "怀政发〔2020〕1号", "怀柔区促进产业发展办法", null, true },
        // why: a title key under four characters names nothing
        { "办法", null, "办法", null, false },
        // why: nothing in common
        { "朝阳区支持企业研发投入若干措施", "朝政发〔2024〕8号", "怀柔区促进产业发展办法", "怀政发〔2020〕1号", false },
    };

    [Theory]
    [MemberData(nameof(RepealCases))]
    public void StoredRepeal_IsFoundByTheKeysOfTheDocumentItNames(string refTitle, string? refNumber, string title, string? number, bool named)
    {
        var reference = new DocRef(refTitle, refNumber, $"《{refTitle}》同时废止。");
        var repealer = _track.Ingest.Store(Doc("r.txt", "海淀区新的扶持办法全文", "海政发〔2025〕1号", new(2025, 1, 1), Body, reference));
        var incoming = Doc("a.txt", title, number, new(2020, 1, 1), ["第一条 其他内容的条文。"]);

        var found = VersionLinker.RepealRefsNaming(_track.Store, incoming).ToList();

        Assert.Equal(named, VersionLinker.Names(new RepealRef(repealer.VersionId!, refTitle, refNumber, reference.Text), incoming));
        Assert.Equal(named ? [repealer.VersionId!] : [], found.Select(r => r.VersionId));
        // The whole path: stored after its repealer, the document is repealed by it exactly when named.
        var stored = _track.Ingest.Store(incoming);
        Assert.Equal(named ? repealer.VersionId : null, _track.Store.Version(stored.VersionId!, new(2025, 6, 1))!.RepealedBy);
    }

    [Fact]
    public void RepealStoredBeforeTheKeys_IsStillFound_AndKeyedByTheNextIngest()
    {
        var reference = new DocRef("怀柔区促进产业发展办法", "怀政发〔2020〕1号", "《怀柔区促进产业发展办法》同时废止。");
        var repealer = _track.Ingest.Store(Doc("r.txt", "海淀区新的扶持办法全文", "海政发〔2025〕1号", new(2025, 1, 1), Body, reference));
        var path = _track.Catalogue.Path;
        // As a catalogue written before migration 090 holds it.
        CatalogueFile.Execute(path, "UPDATE doc_ref SET title_key = NULL, doc_number_key = NULL, keyed = 0");
        var named = Doc("a.txt", "怀柔区促进产业发展办法", "怀政发〔2020〕1号", new(2020, 1, 1), ["第一条 其他内容的条文。"]);

        Assert.Equal([repealer.VersionId!], VersionLinker.RepealRefsNaming(_track.Store, named).Select(r => r.VersionId));
        var stored = _track.Ingest.Store(named);

        Assert.Equal(repealer.VersionId, _track.Store.Version(stored.VersionId!, new(2025, 6, 1))!.RepealedBy);
        Assert.Equal(new object?[] { "怀柔区促进产业发展办法", "怀政发〔2020〕1号", 1L },
            CatalogueFile.Row(path, "SELECT title_key, doc_number_key, keyed FROM doc_ref WHERE version_id = $v", ("$v", repealer.VersionId!)));
    }

    public static TheoryData<string?, int?, string> RenditionCases => new()
    {
        // why: the copy names the middle version's 发文字号 and date: that version, though the newest has other words too
        { "怀政发〔2022〕2号", 2022, "v2" },
        // why: a copy whose reader found no 发文字号 or date contradicts no version: its words decide
        { null, null, "v2" },
        // why: the middle version's words under the newest's number and date: a new version, whatever the words
        { "怀政发〔2024〕3号", 2024, "new" },
    };

    [Theory]
    [MemberData(nameof(RenditionCases))]
    public void Rendition_IsJudgedAgainstTheVersionsItsNumberAndDateAllow(string? number, int? year, string expected)
    {
        string[] Words(int amount) => ["为促进产业发展，制定本办法。", $"对企业给予{amount}万元支持。", "本办法由区经济和信息化局负责解释。"];
        var ids = new Dictionary<string, string>();
        var n = 1;
        foreach (var (docNumber, issued, amount) in new[] { ("怀政发〔2020〕1号", 2020, 30), ("怀政发〔2022〕2号", 2022, 50), ("怀政发〔2024〕3号", 2024, 80) })
        {
            var v = _track.Ingest.Store(Doc($"v{n}.txt", "怀柔区促进产业发展办法", docNumber, new(issued, 3, 1), Words(amount)));
            Assert.NotEqual(IngestOutcome.Unchanged, v.Outcome);
            ids[$"v{n++}"] = v.VersionId!;
        }
        // Another file of the middle version's words with a printed page number: not the same words, so judged by similarity.
        string[] copy = [.. Words(50)[..2], "- 2 -", Words(50)[2]];
        var result = _track.Ingest.Store(Doc("copy.pdf", "怀柔区促进产业发展办法", number, year is { } y ? new(y, 3, 1) : null, copy));

        if (expected == "new") Assert.Equal(IngestOutcome.NewVersion, result.Outcome);
        else
        {
            Assert.Equal(IngestOutcome.Unchanged, result.Outcome);
            Assert.Equal(ids[expected], result.VersionId);
        }
    }

    public static TheoryData<string?, DateOnly?, DateOnly?, bool> ContradictionCases => new()
    {
        // why: the same 发文字号 in another bracket style and the same dates
        { "怀政发（2022）2号", new DateOnly(2022, 3, 1), null, false },
        // why: another 发文字号
        { "怀政发〔2024〕3号", new DateOnly(2022, 3, 1), null, true },
        // why: another issue date
        { "怀政发〔2022〕2号", new DateOnly(2022, 3, 2), null, true },
        // why: another effective date
        { "怀政发〔2022〕2号", new DateOnly(2022, 3, 1), new DateOnly(2022, 5, 1), true },
        // why: values one reading missed contradict nothing
        { null, null, null, false },
    };

    [Theory]
    [MemberData(nameof(ContradictionCases))]
    public void Contradicts_IsJudgesFirstTest(string? number, DateOnly? issued, DateOnly? effective, bool contradicts)
    {
        var incoming = Doc("in.txt", "怀柔区促进产业发展办法", "怀政发〔2022〕2号", new(2022, 3, 1), Body) with { EffectiveFrom = new DateOnly(2022, 4, 1) };
        var catalogued = Doc("c.txt", "怀柔区促进产业发展办法", number, issued, Body) with { EffectiveFrom = effective ?? (number is null ? null : new DateOnly(2022, 4, 1)) };

        Assert.Equal(contradicts, Renditions.Renditions.Contradicts(number, issued, catalogued.EffectiveFrom, incoming));
        // The same words: only the 发文字号 and dates can make them different texts.
        Assert.Equal(contradicts ? TextRelation.Different : TextRelation.SameText,
            Renditions.Renditions.Judge(catalogued, RenditionText.Of(catalogued), incoming, RenditionText.Of(incoming)).Relation);
    }
}
