using PolicyIngest.Segmentation;

namespace PolicyIngest.Segmentation.Tests;

public sealed class PrefixTrieTest
{
    [Fact]
    public void AddPath_ManyWordsFromATinyTable_GrowsAndFindsEveryOne()
    {
        var trie = new PrefixTrie(expectedNodes: 4);
        var words = Enumerable.Range(0, 20_000).Select(Word).Distinct().ToArray();
        for (var i = 0; i < words.Length; i++) trie.SetFrequency(trie.AddPath(words[i]), i + 1);
        AssertFindsEvery(trie, words);
        trie.Compact();
        AssertFindsEvery(trie, words);
        Assert.Throws<InvalidOperationException>(() => trie.AddPath("新词"));
    }

    [Fact]
    public void Compact_PutsTheMostUsedPrefixesFirst()
    {
        var trie = new PrefixTrie();
        trie.SetFrequency(trie.AddPath("罕见词"), 1);
        trie.SetFrequency(trie.AddPath("企业"), 1000);
        trie.SetFrequency(trie.AddPath("企业家"), 50);
        trie.Compact();
        Assert.Equal(1, trie.Find("企"));   // why: 1,050 beneath it
        Assert.Equal(2, trie.Find("企业"));
        Assert.Equal(1000, trie.Frequency(trie.Find("企业")));
        Assert.Equal(50, trie.Frequency(trie.Find("企业家")));
        Assert.Equal(1, trie.Frequency(trie.Find("罕见词")));
        Assert.Equal(0, trie.Frequency(trie.Find("罕见")));
    }

    private static void AssertFindsEvery(PrefixTrie trie, string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            var node = trie.Find(words[i]);
            Assert.True(node > 0, words[i]);
            Assert.Equal(i + 1, trie.Frequency(node));
            Assert.Equal(Math.Log(i + 1), trie.LogFrequency(node), 12);
        }
        Assert.Equal(-1, trie.Find("不在词典里的词"));
    }

    [Fact]
    public void Prefix_OfAWord_IsANodeWithoutFrequency()
    {
        var trie = new PrefixTrie();
        trie.SetFrequency(trie.AddPath("专精特新"), 30);
        var prefix = trie.Find("专精");
        Assert.True(prefix > 0);
        Assert.Equal(0, trie.Frequency(prefix));
        Assert.True(double.IsNegativeInfinity(trie.LogFrequency(prefix)));   // why: the route skips prefixes by this test
        Assert.Equal(5, trie.NodeCount);                                     // root + 专, 专精, 专精特, 专精特新
        Assert.Equal(-1, trie.Child(trie.Find("专精特新"), '企'));
    }

    [Fact]
    public void AddPath_SameWordTwice_KeepsOneNodeAndTheLastFrequency()
    {
        var trie = new PrefixTrie();
        var first = trie.AddPath("贴息");
        trie.SetFrequency(first, 3);
        var second = trie.AddPath("贴息");
        trie.SetFrequency(second, 7);
        Assert.Equal(first, second);
        Assert.Equal(7, trie.Frequency(trie.Find("贴息")));
    }

    // Deterministic words of one to six characters over a few hundred Han characters, so prefixes are shared.
    private static string Word(int i)
    {
        var length = 1 + i % 6;
        var chars = new char[length];
        var x = (uint)i * 2654435761u;
        for (var k = 0; k < length; k++)
        {
            chars[k] = (char)(0x4E00 + x % 300);
            x = x * 1103515245u + 12345u;
        }
        return new string(chars);
    }
}
