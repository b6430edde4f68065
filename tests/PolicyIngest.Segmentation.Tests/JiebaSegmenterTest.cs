using PolicyIngest.Evaluation.Segmentation;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Segmentation.Tests;

[Collection(SegmenterFixture.Collection)]
public sealed class JiebaSegmenterTest(SegmenterFixture fixture)
{
    private JiebaSegmenter Segmenter => fixture.Segmenter;

    public static TheoryData<string, string> KeptWhole => new()
    {
        { "给予最高500万元奖励", "500万元" },            // why: a number with its unit is one search term, not 500/万元
        { "按贷款利息的0.5%给予补贴", "0.5%" },         // why: decimals with percent stay whole
        { "奖励30 万元", "30 万元" },                  // why: pdftotext inserts a space between digits and CJK
        { "补贴1.5亿元", "1.5亿元" },                  // why: decimal with magnitude and unit
        { "给予五十万元奖励", "五十万元" },             // why: Chinese numerals with 万元
        { "增长5个百分点", "5个百分点" },               // why: percentage points are a unit (not 5个)
        { "期限不超过36个月", "36个月" },               // why: months, not 36个
        { "（怀经信发〔2025〕35号）", "怀经信发〔2025〕35号" },   // why: a 发文字号 is one identifier
        { "根据京政发〔2020〕1号文件", "京政发〔2020〕1号" },      // why: the verb before it is running text, not the issuer
        { "国办发[2019]11号", "国办发[2019]11号" },              // why: ASCII brackets occur in web copies
        { "第十二条　企业应当", "第十二条" },           // why: article labels are search targets (第十二条)
        { "依照第15条规定", "第15条" },                 // why: Arabic article numbers
        { "首台（套）重大技术装备", "首台（套）" },     // why: a dictionary word with full-width brackets, which jieba splits
        { "对专精特新企业", "专精特新" },               // why: policy-term dictionary word
        { "给予贷款贴息支持", "贴息" },                 // why: 2-character policy term inside a longer policy term is found in search mode
        { "支持企业升规纳统", "升规纳统" },             // why: policy-term dictionary word jieba alone splits
    };

    [Theory]
    [MemberData(nameof(KeptWhole))]
    public void Cut_SearchMode_HasWholeToken(string input, string expected)
    {
        var tokens = Segmenter.Cut(input, SegmentMode.Search);
        Assert.Contains(expected, tokens.Select(t => t.Text));
    }

    public static TheoryData<string> NothingKeptWhole => new()
    {
        "第一批企业名单",     // why: 批 is not an article unit
        "2025年度",          // why: years are not amounts; jieba's own cut is fine
        "推动多元化发展",     // why: 多 is not a numeral, 元 here is not yuan
        "单元格",            // why: same
        "〔2025〕",          // why: a bracketed year without issuer and number is not a 发文字号
        "文件编号35",         // why: a bare number without unit
    };

    [Theory]
    [MemberData(nameof(NothingKeptWhole))]
    public void KeepWholeRules_Find_Nothing(string input) =>
        Assert.Empty(KeepWholeRules.All.Find(input, Segmenter.Dictionary.PunctuatedWords));

    public static TheoryData<string, string> JiebaCuts => new()
    {
        { "我来到北京清华大学", "我/来到/北京/清华大学" },          // why: jieba's README example, dictionary route
        { "他来到了网易杭研大厦", "他/来到/了/网易/杭研/大厦" },    // why: 杭研 is not in the dictionary: the HMM joins it
        { "小明硕士毕业于中国科学院计算所", "小明/硕士/毕业/于/中国科学院/计算所" }, // why: jieba's README example
        { "补贴 30万元。", "补贴/ /30/万元/。" },                  // why: spaces and punctuation are tokens of their own
        { "AT&T和C++", "AT&T/和/C++" },                          // why: dictionary words with & and + inside blocks
    };

    [Theory]
    [MemberData(nameof(JiebaCuts))]
    public void Cut_JiebaCompatible_MatchesJieba(string input, string expected)
    {
        var tokens = Segmenter.Cut(input, SegmentMode.Precise, SegmenterOptions.JiebaCompatible);
        Assert.Equal(expected, string.Join('/', tokens.Select(t => t.Text)));
    }

    [Theory]
    [InlineData("对首次或新迁入获得北京市“专精特新”中小企业给予30万元奖励。\n第五条　支持首台（套）")] // why: mixed rules, quotes, newline
    [InlineData("pdftotext 打印的文字：企业研发费\n用加计扣除 𠀀 字")]                        // why: line break inside a word, astral character
    public void Cut_Offsets_CoverInputExactly(string input)
    {
        foreach (var mode in new[] { SegmentMode.Precise, SegmentMode.Search })
        {
            var tokens = Segmenter.Cut(input, mode);
            Assert.All(tokens, t => Assert.Equal(t.Text, input[t.Start..t.End]));
        }
        var precise = Segmenter.Cut(input, SegmentMode.Precise);
        Assert.Equal(input, string.Concat(precise.Select(t => t.Text)));
        for (var i = 1; i < precise.Count; i++) Assert.Equal(precise[i - 1].End, precise[i].Start);
    }

    [Fact]
    public void Cut_SearchMode_AddsDictionaryPiecesBeforeTheWord()
    {
        var tokens = Segmenter.Cut("中华人民共和国", SegmentMode.Search, SegmenterOptions.JiebaCompatible).Select(t => t.Text).ToArray();
        Assert.Equal(["中华", "华人", "人民", "共和", "共和国", "中华人民共和国"], tokens);
    }

    [Fact]
    public void CutSpans_OfASpan_IsTheJiebaCompatibleCut()
    {
        // why: the classifier's word features read this span cut of a folded copy; it must be jieba's cut, not a variant
        var sentences = SegmenterParity.SharedSentences(RepositoryPaths.Shared);
        Assert.True(sentences.Count > 1000);
        var spans = new List<TokenSpan>();
        foreach (var sentence in sentences)
        {
            var padded = "【" + sentence + "】";
            spans.Clear();
            Segmenter.CutSpans(padded.AsSpan(1, sentence.Length), spans);
            var expected = Segmenter.Cut(sentence, SegmentMode.Precise, SegmenterOptions.JiebaCompatible).Select(t => new TokenSpan(t.Start, t.End));
            Assert.Equal(expected, spans);
        }
    }

    [Theory]
    [MemberData(nameof(KeptWhole))]
    public void AsISegmenter_CutKeepsWhole_CutSpansIsTheJiebaCut(string input, string _)
    {
        // why: search (ClauseAnalyzer) and the classifier's features see the segmenter only through ISegmenter: its Cut
        // must be the cut search was measured with (rules on), its CutSpans the jieba cut the shipped model was trained on
        ISegmenter seam = Segmenter;
        foreach (var mode in new[] { SegmentMode.Precise, SegmentMode.Search })
            Assert.Equal(Segmenter.Cut(input, mode), seam.Cut(input, mode));
        var spans = new List<TokenSpan>();
        seam.CutSpans(input, spans);
        Assert.Equal(Segmenter.Cut(input, SegmentMode.Precise, SegmenterOptions.JiebaCompatible).Select(t => new TokenSpan(t.Start, t.End)), spans);
        for (var at = 0; at <= input.Length; at++) Assert.Equal(JiebaSegmenter.AlwaysCutsAt(input, at), seam.AlwaysCutsAt(input, at));
    }

    [Fact]
    public void CutSpans_WithoutHmm_IsTheNoHmmCut()
    {
        const string text = "支持怀柔区专精特新企业申报，给予最高500万元奖励。";
        var spans = new List<TokenSpan>();
        Segmenter.CutSpans(text.AsSpan(), spans, hmm: false);
        var expected = Segmenter.Cut(text, SegmentMode.Precise, new SegmenterOptions { Hmm = false, KeepWhole = false });
        Assert.Equal(expected.Select(t => new TokenSpan(t.Start, t.End)), spans);
        Assert.Contains(new TokenSpan(5, 9), spans);   // 专精特新
    }

    [Fact]
    public void Dictionary_EveryWordOfJiebasDictionary_HasItsFrequency()
    {
        var user = fixture.Resources.UserDictionaries.SelectMany(File.ReadLines).Select(l => l.Split(' ')[0]).ToHashSet();
        var expected = new Dictionary<string, int>();
        foreach (var line in File.ReadLines(fixture.Resources.MainDictionary))
        {
            var parts = line.Split(' ');
            if (!user.Contains(parts[0])) expected[parts[0]] = int.Parse(parts[1]);
        }
        Assert.True(expected.Count > 300_000);
        foreach (var (word, frequency) in expected) Assert.Equal(frequency, Segmenter.Dictionary.Frequency(word));
        var prefixes = expected.Keys.SelectMany(w => Enumerable.Range(1, w.Length).Select(n => w[..n])).ToHashSet();
        Assert.True(Segmenter.Dictionary.Count >= prefixes.Count);
        Assert.Equal(-1, Segmenter.Dictionary.Frequency("")); // why: jieba's FREQ has no empty word
    }

    public static TheoryData<string, int, bool> CutPoints => new()
    {
        { "给予奖励。支持企业", 5, true },    // why: after 。, a character jieba never joins to a word
        { "给予奖励。支持企业", 4, true },    // why: before 。 as well
        { "给予奖励支持企业", 4, false },     // why: inside a run of Han characters the dictionary decides
        { "给予奖励", 0, true },              // why: the ends always are
        { "给予奖励", 4, true },
        { "a\r\nb", 2, false },             // why: \r\n is one token
        { "𠀀", 1, false },                   // why: a surrogate pair is one token
    };

    [Theory]
    [MemberData(nameof(CutPoints))]
    public void AlwaysCutsAt_Table(string text, int at, bool expected) => Assert.Equal(expected, JiebaSegmenter.AlwaysCutsAt(text, at));

    [Fact]
    public void AlwaysCutsAt_IsABoundaryOfTheCut_OnAllSharedSentences()
    {
        foreach (var sentence in SegmenterParity.SharedSentences(RepositoryPaths.Shared).Take(3000))
        {
            var ends = Segmenter.Cut(sentence, SegmentMode.Precise, SegmenterOptions.JiebaCompatible).Select(t => t.End).Prepend(0).ToHashSet();
            for (var at = 0; at <= sentence.Length; at++)
                if (JiebaSegmenter.AlwaysCutsAt(sentence, at)) Assert.Contains(at, ends);
        }
    }
}
