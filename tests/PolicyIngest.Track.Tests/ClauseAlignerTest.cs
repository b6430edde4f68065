using PolicyIngest.Track.Alignment;

namespace PolicyIngest.Track.Tests;

/// <summary>The aligner on small constructed versions, where one rule decides the outcome.</summary>
public sealed class ClauseAlignerTest(Xunit.Abstractions.ITestOutputHelper output)
{
    private static DiffUnit Unit(int index, string label, string body) =>
        DiffUnit.Create(index, 0, $"a{index}", label, [label], $"{label} {body}", [$"a{index}"]);

    private const string Before = "会议由董事会召集。";
    private const string After = "本法自公布之日起施行。";

    /// <summary>Articles the two versions share word for word, between the rewrite and the distant twin.</summary>
    private static IEnumerable<DiffUnit> Between(int from) =>
        new[] { "第十二条", "第十三条", "第十四条", "第十五条", "第十六条", "第十七条", "第十八条", "第十九条" }
            .Select((label, k) => Unit(from + k, label, $"第{k}项事务按照公司章程的规定办理，章程另有规定的除外{k}。"));

    [Fact]
    public void RewriteInPlace_KeepsItsArticle_AgainstADistantTwinCloserByText()
    {
        // why: 有限责任公司 第十条 rewritten in place (Dice 0.48, same label, neighbours aligned) against the 股份有限公司 twin
        // far away (Dice 0.57). Matches resting on label and neighbours wait for the second pass; while they wait they
        // hold their articles, so the twin does not take 第十条 in the first.
        DiffUnit[] old =
        [
            Unit(0, "第九条", Before),
            Unit(1, "第十条", "有限责任公司股东会会议由董事会召集，董事长主持；董事长不能履行职务或者不履行职务的，由副董事长主持。"),
            Unit(2, "第十一条", After),
            .. Between(3),
        ];
        DiffUnit[] @new =
        [
            Unit(0, "第九条", Before),
            Unit(1, "第十条", "股东会会议由董事会召集和主持；董事会不能履行或者不履行召集股东会会议职责的，由监事会召集和主持；监事会不召集和主持的，代表十分之一以上表决权的股东可以自行召集和主持。"),
            Unit(2, "第十一条", After),
            .. Between(3),
            Unit(11, "第五十条", "股份有限公司股东会会议由董事会召集，董事长主持；董事长不能履行职务的，由过半数董事推举一名董事主持。股东会应当每年召开一次年会，临时股东会会议应当在两个月内召开。"),
        ];

        var pairs = new ClauseAligner().Align(old, @new);
        foreach (var p in pairs) output.WriteLine($"{p.Change} {p.Old?.Label} → {p.New?.Label} {p.Similarity}");

        Assert.Contains(pairs, p => p.Old?.Label == "第十条" && p.New?.Label == "第十条");
        Assert.DoesNotContain(pairs, p => p.Old?.Label == "第十条" && p.New?.Label == "第五十条");
        Assert.Contains(pairs, p => p.Old is null && p.New?.Label == "第五十条" && p.Change == PairChange.Added);
    }
}
