using PolicyIngest.Core.Model;

namespace PolicyIngest.Catalogue.Tests;

/// <summary>
/// Issue #20: 同时废止 and 有效期调整 references looked up by the keys of the document they may name (migration 090), not
/// read in full. The keys here are set by hand (the tracker computes them with PolicyKeys): these tests pin the look-up.
/// </summary>
public sealed class RefKeyLookupTest
{
    public static TheoryData<string> Implementations => CatalogueImplementations.Names;

    private static IEnumerable<string> ImplementationNames => ((IEnumerable<object[]>)CatalogueImplementations.Names).Select(row => (string)row[0]);

    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PolicyDocument Doc(char sha, DocRef[] repeals, params ValidityChange[] changes) => new()
    {
        Source = $"{sha}.txt", Sha256 = new string(sha, 64), Format = SourceFormat.Txt, DocType = DocType.Policy, Title = $"文件{sha}",
        Repeals = repeals, Validity = new Validity { Changes = changes }, Clauses = [],
    };

    /// <summary>
    /// Version a states two repeals and one 有效期调整, keyed (title key = title, 发文字号 key = number); version b states one
    /// repeal left unkeyed, as a row stored before migration 090.
    /// </summary>
    private static (string A, string B) Fill(CatalogueStore store)
    {
        var a = store.SaveVersion(Doc('a',
            [new DocRef("甲办法", "京发〔2020〕1号", "甲同时废止"), new DocRef("乙办法", null, "乙同时废止")],
            new ValidityChange("丙办法", "京发〔2021〕3号", new DateOnly(2027, 12, 31), null, "丙延长", null)),
            PolicyLink.NewPolicy(), Now, w =>
            {
                foreach (var r in w.UnkeyedRefs()) w.SetRefKeys(r.Id, r.Title, r.DocNumber);
            });
        var b = store.SaveVersion(Doc('b', [new DocRef("丁办法", "京发〔2022〕4号", "丁同时废止")]), PolicyLink.NewPolicy(), Now);
        return (a.Id, b.Id);
    }

    public static TheoryData<string, string?, string?, string[]> RepealCases
    {
        get
        {
            var data = new TheoryData<string, string?, string?, string[]>();
            foreach (var name in ImplementationNames)
            {
                // why: the 发文字号 key alone finds the reference giving it (titles differ between readings)
                data.Add(name, null, "京发〔2020〕1号", ["甲同时废止", "丁同时废止"]);
                // why: the title key alone finds the reference by title
                data.Add(name, "甲办法", null, ["甲同时废止", "丁同时废止"]);
                // why: a reference without a 发文字号 is found by title whatever number the document has (the caller applies the rule)
                data.Add(name, "乙办法", "京发〔2099〕9号", ["乙同时废止", "丁同时废止"]);
                // why: a 有效期调整 naming these keys is not a repeal
                data.Add(name, "丙办法", "京发〔2021〕3号", ["丁同时废止"]);
                // why: nothing named: only the unkeyed row comes back (it could name anything until keyed)
                data.Add(name, null, null, ["丁同时废止"]);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RepealCases))]
    public void RepealRefsNaming_FindsByEitherKey_AndEveryUnkeyedRow(string implementation, string? titleKey, string? numberKey, string[] expected)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var store = catalogue.Open();
        Fill(store);
        Assert.Equal(expected, new TrackStore(store).RepealRefsNaming(titleKey, numberKey).Select(r => r.Text));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void UnkeyedRef_OnceKeyed_IsFoundByItsKeysOnly(string implementation)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var store = catalogue.Open();
        var (_, b) = Fill(store);
        // The next version's write keys what is left (as the tracker does on every ingest).
        IReadOnlyList<UnkeyedRef> left = [];
        store.SaveVersion(Doc('c', []), PolicyLink.NewPolicy(), Now, w =>
        {
            left = w.UnkeyedRefs();
            foreach (var r in left) w.SetRefKeys(r.Id, r.Title, r.DocNumber);
        });

        Assert.Equal(["丁办法"], left.Select(r => r.Title));
        var track = new TrackStore(store);
        Assert.Empty(track.RepealRefsNaming(null, null));
        Assert.Equal([b], track.RepealRefsNaming(null, "京发〔2022〕4号").Select(r => r.VersionId));
        Assert.Equal([b], track.RepealRefsNaming("丁办法", null).Select(r => r.VersionId));
        Assert.DoesNotContain(track.RepealRefsNaming("甲办法", "京发〔2022〕5号"), r => r.VersionId == b);
    }

    public static TheoryData<string, string?, string?, string[]> ChangeCases
    {
        get
        {
            var data = new TheoryData<string, string?, string?, string[]>();
            foreach (var name in ImplementationNames)
            {
                // why: by 发文字号 key
                data.Add(name, null, "京发〔2021〕3号", ["丙延长"]);
                // why: by title key
                data.Add(name, "丙办法", null, ["丙延长"]);
                // why: repeals naming these keys are not 有效期调整 (the unkeyed row of b is a repeal too)
                data.Add(name, "甲办法", "京发〔2020〕1号", []);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ChangeCases))]
    public void ValidityChangeRefsNaming_FindsByEitherKey(string implementation, string? titleKey, string? numberKey, string[] expected)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var store = catalogue.Open();
        var (a, _) = Fill(store);
        IReadOnlyList<ValidityChangeRef> found = [], ofA = [];
        store.SaveVersion(Doc('c', []), PolicyLink.NewPolicy(), Now, w =>
        {
            found = w.ValidityChangeRefsNaming(titleKey, numberKey);
            ofA = w.ValidityChangeRefsOf(a);
        });
        Assert.Equal(expected, found.Select(r => r.Text));
        Assert.Equal(["丙延长"], ofA.Select(r => r.Text));
    }
}
