using PolicyIngest.Evaluation.Read;

namespace PolicyIngest.Evaluation.Tests;

public class TextFidelityTest
{
    [Fact]
    public void Compare_IgnoresWhitespaceAndNonHan()
    {
        var score = TextFidelity.Compare("第一条 为了规范，制定本办法。", "第一条为了规范,\n制定本办法");
        Assert.Equal(12, score.SourceHan);
        Assert.Equal(12, score.RecoveredMultiset);
        Assert.Equal(12, score.RecoveredInOrder);
        Assert.Equal(0, score.ExtraHan);
    }

    [Fact]
    public void Compare_CountsMissingExtraAndOrder()
    {
        // why: swapped halves keep the multiset but not the order; 页 is extra, 法 is missing
        var score = TextFidelity.Compare("甲乙丙丁法", "丙丁甲乙页");
        Assert.Equal(4, score.RecoveredMultiset);
        Assert.Equal(2, score.RecoveredInOrder);
        Assert.Equal(1, score.ExtraHan);
    }

    [Theory]
    // why: identical text has no errors
    [InlineData("怀经信发〔2025〕35号", "怀经信发〔2025〕35号", 0.0)]
    // why: one substituted bracket out of 13 non-space characters
    [InlineData("怀经信发〔2025〕35号", "怀经信发【2025〕35号", 1.0 / 13)]
    // why: whitespace differences are not errors
    [InlineData("区各委办局", "区 各 委 办 局", 0.0)]
    public void CharacterErrorRate_Cases(string reference, string hypothesis, double expected) =>
        Assert.Equal(expected, TextFidelity.CharacterErrorRate(reference, hypothesis), 6);
}
