using PolicyIngest.Core.Model;
using PolicyIngest.Track.Alignment;
using PolicyIngest.Track.Text;

namespace PolicyIngest.Track.Tests;

/// <summary>What a sum is for (end, tier, party), and how a change is listed end by end.</summary>
public class AmountSlotTest
{
    private static MonetaryAmount Amount(string text, decimal yuan, decimal? high = null) => new()
    {
        ClauseId = "c", Article = "第一条", Text = text, Yuan = yuan, YuanHigh = high, Role = AmountRole.Penalty,
    };

    public static TheoryData<string, string, AmountBound, bool, string> Slots => new()
    {
        // before the sum, the sum's text → end, 情节严重 tier, party; each row says why it exists
        // why: a cap on a unit's fine, the commonest slot.
        { "由财政部门责令限期改正，对单位可以并处", "二十万元以下", AmountBound.High, false, AmountSlot.Organisation },
        // why: the long name of the persons fined (会计法) is a person, not the unit it mentions.
        { "对其直接负责的主管人员和其他直接责任人员可以处", "五万元以下", AmountBound.High, false, AmountSlot.Person },
        // why: the tier marker after the party still makes the sum aggravated.
        { "对其直接负责的主管人员和其他直接责任人员可以处十万元以上五十万元以下的罚款，情节严重的，可以处", "五十万元以上二百万元以下", AmountBound.Range, true, AmountSlot.Person },
        // why: a 情节严重 of an earlier sentence (before ；) does not reach this sum.
        { "情节严重的，对个人处二万元以上十万元以下的罚款；对单位处", "二十万元以下", AmountBound.High, false, AmountSlot.Organisation },
        // why: 超过 sets a lower end (申报标准 thresholds).
        { "参与集中的所有经营者上一会计年度在全球范围内的营业额合计", "超过120亿元", AmountBound.Low, false, "" },
        // why: 不超过 is an upper end although it contains 超过.
        { "每家企业补贴", "不超过500万元", AmountBound.High, false, "" },
        // why: 不低于 is a lower end although it contains 低于.
        { "注册资本", "不低于100万元", AmountBound.Low, false, "" },
        // why: a sum with no end word is exact.
        { "一次性奖励", "50万元", AmountBound.Exact, false, "" },
    };

    [Theory]
    [MemberData(nameof(Slots))]
    public void Of_ReadsEndTierAndParty(string before, string text, AmountBound bound, bool aggravated, string party)
    {
        var amount = text.Contains("以上") && text.Contains("以下") ? Amount(text, 1, 2) : Amount(text, 1);
        var slot = AmountSlot.Of(amount, ComparableText.From(before).Text);
        Assert.Equal(bound, slot.Bound);
        Assert.Equal(aggravated, slot.Aggravated);
        Assert.Equal(party, slot.Party);
    }

    public static TheoryData<string, bool> FallbackRows => new()
    {
        // before the sum → whether the sentence already fined the same party (the sum is a fallback)
        // why: 反垄断法 第六十二条: 五百万元 applies only when the unit has no turnover for the 百分之一.
        { "对单位处上一年度销售额百分之一以下的罚款，上一年度没有销售额或者销售额难以计算的，处", true },
        // why: the first fine named for the unit is its principal penalty.
        { "由反垄断执法机构责令改正，对单位可以处", false },
        // why: a fine for another party earlier in the sentence does not make the unit's sum a fallback.
        { "对个人可以处二万元以下的罚款，对单位可以处", false },
        // why: a sentence that names no party reads no rank (G 第五十八条 不具有排除、限制竞争效果的，处五百万元).
        { "不具有排除、限制竞争效果的，处", false },
    };

    [Theory]
    [MemberData(nameof(FallbackRows))]
    public void Of_ReadsWhetherTheSumIsAFallback(string before, bool fallback) =>
        Assert.Equal(fallback, AmountSlot.Of(Amount("五百万元以下", 5_000_000), ComparableText.From(before).Text).Fallback);

    [Fact]
    public void Of_IgnoresReflowAndPunctuationWidth()
    {
        // why: a line break or a half-width ; is cosmetic; the slot must not change (simulator cosmetic revisions).
        var a = AmountSlot.Of(Amount("二万元以下", 20_000), ComparableText.From("情节严重的，对个人处十万元以下的罚款；对单位\n可以处").Text);
        var b = AmountSlot.Of(Amount("二万元以下", 20_000), ComparableText.From("情节严重的，对个人处十万元以下的罚款;对 单位可以处").Text);
        Assert.Equal(a, b);
        Assert.False(a.Aggravated);
    }

    public static TheoryData<AmountSlot, AmountSlot, bool> Compatibility => new()
    {
        // why: the same fine raised.
        { new(AmountBound.High, false, AmountSlot.Person), new(AmountBound.High, false, AmountSlot.Person), true },
        // why: a range replaced by a cap (会计法 三千元以上五万元以下 → 二十万元以下): the cap takes the upper end.
        { new(AmountBound.Range, false, AmountSlot.Organisation), new(AmountBound.High, false, AmountSlot.Organisation), true },
        // why: a new 情节严重 tier is added, not the successor of the ordinary fine.
        { new(AmountBound.Range, false, AmountSlot.Organisation), new(AmountBound.Range, true, AmountSlot.Organisation), false },
        // why: the unit's fine never becomes the person's.
        { new(AmountBound.High, false, AmountSlot.Organisation), new(AmountBound.High, false, AmountSlot.Person), false },
        // why: an upper limit never succeeds a lower one.
        { new(AmountBound.Low, false, ""), new(AmountBound.High, false, ""), false },
        // why: a party one sentence does not name does not contradict.
        { new(AmountBound.High, false, ""), new(AmountBound.High, false, AmountSlot.Organisation), true },
    };

    [Theory]
    [MemberData(nameof(Compatibility))]
    public void CompatibleWith_FollowsTierEndAndParty(AmountSlot a, AmountSlot b, bool expected) =>
        Assert.Equal(expected, a.CompatibleWith(b));

    public static TheoryData<MonetaryAmount?, MonetaryAmount?, string> EndRows => new()
    {
        // why: both ends of a range raised → two changes (公司法 五万元以上五十万元以下 → 五万元以上二百万元以下 keeps its lower end).
        { Amount("五万元以上五十万元以下", 50_000, 500_000), Amount("五万元以上二百万元以下", 50_000, 2_000_000), "500000→2000000" },
        // why: a range replaced by a cap: the upper end changes, the lower end is removed.
        { Amount("三千元以上五万元以下", 3_000, 50_000), Amount("二十万元以下", 200_000), "3000→-;50000→200000" },
        // why: a cap replaced by a range: the upper end changes, a lower end is added.
        { Amount("二十万元以下", 200_000), Amount("一万元以上十万元以下", 10_000, 100_000), "200000→100000;-→10000" },
        // why: a removed range removes both ends.
        { Amount("一万元以上十万元以下", 10_000, 100_000), null, "10000→-;100000→-" },
        // why: an unchanged sum lists nothing.
        { Amount("五十万元以下", 500_000), Amount("五十万元以下", 500_000), "" },
    };

    [Theory]
    [MemberData(nameof(EndRows))]
    public void EndChanges_PairsEndsByTheirPart(MonetaryAmount? old, MonetaryAmount? @new, string expected)
    {
        var change = new AmountChange(old, @new, AmountChangeKind.Increased, 0);
        var text = string.Join(";", change.EndChanges().Select(e => $"{(e.OldYuan is { } o ? o.ToString("0") : "-")}→{(e.NewYuan is { } n ? n.ToString("0") : "-")}"));
        Assert.Equal(expected, text);
    }
}
