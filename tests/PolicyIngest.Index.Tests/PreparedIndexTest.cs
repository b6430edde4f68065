using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Index.Tests;

/// <summary>
/// Issue #20: the FTS5 indexer segments a document's clauses before the catalogue is locked (<see cref="ClauseIndexer.Prepare"/>);
/// inside the write the stored rows only pick up their terms. The terms written must be exactly those of analysing the
/// stored rows there, and the analysis done ahead must be the one the stored rows ask for.
/// </summary>
[Collection(SegmenterFixture.Collection)]
public sealed class PreparedIndexTest(SegmenterFixture fixture) : IDisposable
{
    private readonly TempDir _dir = new("policyingest-prepared-");
    private readonly ClauseIndexer _indexer = new(new ClauseAnalyzer(fixture.Segmenter));

    public void Dispose() => _dir.Dispose();

    private static Clause Article(int n, string text, string? heading = null) =>
        new() { Id = $"art{n}", Kind = ClauseKind.Article, Label = $"第{n}条", Path = [$"第{n}条"], Heading = heading, Text = text };

    private static Clause Paragraph(int n, string text) =>
        new() { Id = $"p{n}", Kind = ClauseKind.Paragraph, Label = "", Path = [], Text = text };

    private static PolicyDocument Doc(string name, IReadOnlyList<Clause> clauses, params PolicyDocument[] parts) => new()
    {
        Source = name + ".txt", Sha256 = (name + new string('0', 64))[..64], Format = SourceFormat.Txt,
        DocType = parts.Length == 0 ? DocType.Policy : DocType.Compilation, Title = "怀柔区促进产业发展办法", Clauses = clauses, Parts = parts,
    };

    public static TheoryData<string> Documents => new()
    {
        // why: numbered articles: the label is read with the text
        "articles",
        // why: an article with a heading (label and heading joined) and unnumbered paragraphs (no label at all)
        "headings",
        // why: a compilation: the cards' clauses are parts of the version
        "parts",
        // why: 64 clauses or more are analysed in parallel
        "many",
    };

    private static PolicyDocument Named(string name) => name switch
    {
        "articles" => Doc("a1", [Article(1, "对首次获得专精特新认定的企业，给予一次性奖励30万元。"), Article(2, "对企业贷款给予贴息支持。")]),
        "headings" => Doc("b1", [Paragraph(1, "为促进产业发展，制定本办法。"), Article(1, "按投保费用的80%给予保费补贴。", heading: "保费补贴"),
            Article(2, "  首台（套）重大技术装备给予奖励。", heading: "")]),
        "parts" => Doc("c1", [], Doc("c1-card", [Paragraph(1, "服务内容：对专精特新企业给予贷款贴息，年度最高200万元。")]),
            Doc("c1-card2", [Article(1, "申报条件：在怀柔区注册的企业。", heading: "申报条件")])),
        _ => Doc("d1", Enumerable.Range(1, 70).Select(i => Article(i, $"对第{i}批企业给予{i * 10}万元研发补贴，按投入的{i % 50}%计算。")).ToList()),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Prepare_WritesTheTermsOfTheStoredRows_FromWhatItAnalysedAhead(string name)
    {
        var document = Named(name);
        var stored = StoredClauses(document);

        Assert.Equal(stored.Select(c => ClauseIndexer.Input(c.Heading, c.Text)), ClauseIndexer.Inputs(document));
        Assert.Equal(Terms(stored, w => _indexer.IndexVersion(w, document)), Terms(stored, w => _indexer.Prepare(document).IndexVersion(w, document)));
    }

    [Fact]
    public void Prepared_ForAnotherDocument_StillWritesTheStoredRowsTerms()
    {
        // why: rows the analysis ahead does not cover are analysed in the write, never left without terms or given another's
        var stored = StoredClauses(Named("headings"));
        Assert.Equal(Terms(stored, w => _indexer.IndexVersion(w, Named("headings"))),
            Terms(stored, w => _indexer.Prepare(Named("articles")).IndexVersion(w, Named("headings"))));
    }

    /// <summary>The clause rows the indexer reads inside a real catalogue's write of the document.</summary>
    private List<(long RowId, string Heading, string Text)> StoredClauses(PolicyDocument document)
    {
        using var catalogue = new CatalogueStore(_dir.File(document.Source + ".db"));
        List<(long, string, string)> rows = [];
        catalogue.SaveVersion(document, PolicyLink.NewPolicy(), DateTimeOffset.UnixEpoch, w => rows = [.. w.Clauses()]);
        return rows;
    }

    private static List<(long RowId, string Words, string Grams)> Terms(List<(long RowId, string Heading, string Text)> stored, Action<IVersionWrite> index)
    {
        var write = new RecordingWrite(stored);
        index(write);
        return write.Written;
    }

    /// <summary>A version's write that answers <see cref="IVersionWrite.Clauses"/> with given rows and keeps the terms written.</summary>
    private sealed class RecordingWrite(List<(long RowId, string Heading, string Text)> clauses) : IVersionWrite
    {
        public List<(long RowId, string Words, string Grams)> Written { get; } = [];
        public IReadOnlyList<(long RowId, string Heading, string Text)> Clauses() => clauses;
        public void WriteClauseTerms(IReadOnlyList<(long RowId, string Words, string Grams)> terms) => Written.AddRange(terms);

        public string VersionId => "v";
        public string PolicyId => "p";
        public void AbsorbPart(string partVersionId) => throw new NotSupportedException();
        public IReadOnlyList<UnkeyedRef> UnkeyedRefs() => throw new NotSupportedException();
        public void SetRefKeys(long refId, string? titleKey, string? docNumberKey) => throw new NotSupportedException();
        public void SetKeys(string? titleKey, string? docNumberKey, string? textKey) => throw new NotSupportedException();
        public void SetRepealedBy(string versionId, string byVersionId, string reason) => throw new NotSupportedException();
        public void SetSupersededBy(string versionId, string? byVersionId, string? reason) => throw new NotSupportedException();
        public IReadOnlyList<ValidityChangeRef> ValidityChangeRefsOf(string versionId) => throw new NotSupportedException();
        public IReadOnlyList<ValidityChangeRef> ValidityChangeRefsNaming(string? titleKey, string? docNumberKey) => throw new NotSupportedException();
        public ValidityRow? Validity(string versionId) => throw new NotSupportedException();
        public void SetExpiresOn(string versionId, DateOnly? expiresOn, string? changedBy, string? reason) => throw new NotSupportedException();
        public IReadOnlyList<TrackedVersion> ByDocNumberKey(string key, DateOnly asOf) => throw new NotSupportedException();
        public IReadOnlyList<TrackedVersion> ByTitleKey(string key, DateOnly asOf) => throw new NotSupportedException();
        public TrackedVersion? Version(string id, DateOnly asOf) => throw new NotSupportedException();
        public IReadOnlyList<TrackedVersion> VersionsOf(string policyId, DateOnly asOf) => throw new NotSupportedException();
        public IReadOnlyList<RepealRef> RepealRefsNaming(string? titleKey, string? docNumberKey) => throw new NotSupportedException();
    }
}
