using PolicyIngest.Track.Alignment;

namespace PolicyIngest.Track.Tests;

/// <summary>Shared wording counts as evidence only beyond the legal templates and only where few provisions hold it.</summary>
public sealed class DistinctWordingTest
{
    private static readonly string[] Old =
    [
        "违反本法规定，提供虚假财务会计报告的，责令改正，对直接负责的主管人员和其他直接责任人员处以三万元以上三十万元以下的罚款。",
        "公司未依照本法规定公示有关信息的，由公司登记机关责令改正，可以处以一万元以上五万元以下的罚款。",
        "国家设立自然科学基金，支持基础研究。",
        "鼓励交叉融合，促进产业发展。",
        "推动交叉融合和产业发展。",
        "各单位采用的会计处理方法，前后各期应当一致。",
    ];

    private static readonly string[] New =
    [
        "公司未按照规定公示有关信息或者不如实公示有关信息的，由公司登记机关责令改正，可以处一万元以上五万元以下的罚款；对直接负责的主管人员和其他直接责任人员处以一万元以上十万元以下的罚款。",
        "市人民政府设立自然科学基金，资助基础研究。",
        "支持交叉融合，服务产业发展。",
        "单位变更会计处理方法的，应当在财务会计报告中说明。",
    ];

    public static TheoryData<int, int, int, int, bool> Cases => new()
    {
        // old, new, min run length, max old provisions, shares?
        // why: 虚假财务报告 and 未公示信息 share only the persons liable and the fine formula (masked) and 违反…规定 (short).
        { 0, 0, 4, int.MaxValue, false },
        // why: the same subject (公示有关信息, 公司登记机关) is wording of these two alone.
        { 1, 0, 4, int.MaxValue, true },
        // why: 设立自然科学基金 is found in one old and one new provision.
        { 2, 1, 4, int.MaxValue, true },
        // why: 交叉融合 and 产业发展 are in two old provisions and one new: three in all passes at most three…
        { 3, 2, 4, int.MaxValue, true },
        // why: …but not where a piece must be its own old provision's wording.
        { 3, 2, 4, 1, false },
        // why: runs shorter than asked do not count.
        { 2, 1, 12, int.MaxValue, false },
        // why: 处 is masked only in a penalty (处…元, 处以罚款): 会计处理方法 is the subject of both.
        { 5, 3, 4, int.MaxValue, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Shares_OnlyRareWordingBeyondTheTemplates(int i, int j, int minLength, int maxOld, bool shares)
    {
        var wording = new DistinctWording(Old, New);
        Assert.Equal(shares, wording.Shares(i, j, minLength, maxUnits: 3, maxOldUnits: maxOld));
    }

    [Fact]
    public void CommonRuns_AreMaximalAndTrimmedOfPunctuation()
    {
        var runs = DistinctWording.CommonRuns("，设立自然科学基金，支持", "市设立自然科学基金，资助", 4).ToList();
        Assert.Equal(["设立自然科学基金"], runs);
    }
}
