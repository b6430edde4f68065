using System.Globalization;
using System.Text;

namespace PolicyIngest.Segmentation;

/// <summary>
/// jieba's prefix dictionary: every word with its frequency, and every prefix of every word with frequency 0,
/// so building the DAG is a walk along prefixes (<see cref="PrefixTrie"/>). Built once (main dictionary, then user
/// dictionaries in order, as <c>jieba.load_userdict</c> would add them) and never changed afterwards.
/// </summary>
public sealed class JiebaDictionary
{
    private readonly PrefixTrie _trie;

    private JiebaDictionary(PrefixTrie trie, long total, IReadOnlyList<string> punctuatedWords)
    {
        _trie = trie;
        Total = total;
        LogTotal = Math.Log(total);
        PunctuatedWords = punctuatedWords;
    }

    /// <summary>Sum of all word frequencies (jieba's <c>self.total</c>).</summary>
    public long Total { get; }

    public double LogTotal { get; }

    /// <summary>Entries, prefixes included.</summary>
    public int Count => _trie.NodeCount - 1;

    internal PrefixTrie Trie => _trie;

    /// <summary>
    /// User words holding characters jieba's cutter never joins (punctuation such as 首台（套）): jieba cannot
    /// produce them, so the keep-whole rules match them literally.
    /// </summary>
    public IReadOnlyList<string> PunctuatedWords { get; }

    /// <summary>Frequency of a word; 0 for a prefix that is not itself a word; -1 when unknown.</summary>
    public int Frequency(ReadOnlySpan<char> word)
    {
        var node = word.IsEmpty ? -1 : _trie.Find(word);
        return node < 0 ? -1 : _trie.Frequency(node);
    }

    /// <summary>True when the word is in the dictionary with a frequency above 0 (jieba's <c>FREQ.get(w)</c> truthy).</summary>
    public bool IsWord(ReadOnlySpan<char> word) => Frequency(word) > 0;

    /// <summary>Reads jieba's dict.txt (<c>word freq [tag]</c> per line), then each user dictionary in order.</summary>
    public static JiebaDictionary Load(string mainDictionary, IEnumerable<string> userDictionaries)
    {
        var builder = new Builder();
        var text = File.ReadAllText(mainDictionary, Encoding.UTF8).AsSpan();
        var lineNo = 0;
        while (text.Length > 0)
        {
            lineNo++;
            var end = text.IndexOf('\n');
            var line = (end < 0 ? text : text[..end]).Trim();
            text = end < 0 ? [] : text[(end + 1)..];
            var space = line.IndexOf(' ');
            if (space <= 0) throw new FormatException($"invalid dictionary entry in {mainDictionary} at line {lineNo}: {line}");
            var rest = line[(space + 1)..];
            var next = rest.IndexOf(' ');
            if (!int.TryParse(next < 0 ? rest : rest[..next], NumberStyles.None, CultureInfo.InvariantCulture, out var f))
                throw new FormatException($"invalid dictionary entry in {mainDictionary} at line {lineNo}: {line}");
            builder.SetBase(line[..space], f);
        }
        foreach (var file in userDictionaries) builder.AddUserFile(file);
        return builder.Finish();
    }

    /// <summary>Collects entries; user words without a frequency get jieba's suggest_freq against what is loaded so far.</summary>
    private sealed class Builder
    {
        private readonly PrefixTrie _trie = new(expectedNodes: 600_000);
        private readonly List<string> _punctuated = [];
        private long _total;

        public void SetBase(ReadOnlySpan<char> word, int freq)
        {
            _trie.SetFrequency(_trie.AddPath(word), freq);
            _total += freq;
        }

        public void AddUserFile(string path)
        {
            var lineNo = 0;
            foreach (var raw in File.ReadLines(path, Encoding.UTF8))
            {
                lineNo++;
                var line = raw.Trim().TrimStart('\uFEFF');
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var (word, freq) = ParseUserLine(line);
                AddWord(word, freq ?? SuggestFrequency(word));
            }
        }

        /// <summary>jieba's re_userdict <c>^(.+?)( [0-9]+)?( [a-z]+)?$</c>.</summary>
        private static (string Word, int? Freq) ParseUserLine(string line)
        {
            var parts = line.Split(' ');
            var n = parts.Length;
            if (n >= 2 && parts[n - 1].Length > 0 && parts[n - 1].All(char.IsAsciiLetterLower)) n--;
            int? freq = null;
            if (n >= 2 && parts[n - 1].Length > 0 && parts[n - 1].All(char.IsAsciiDigit))
            {
                freq = int.Parse(parts[n - 1], CultureInfo.InvariantCulture);
                n--;
            }
            return (string.Join(' ', parts, 0, n), freq);
        }

        private void AddWord(string word, int freq)
        {
            _trie.SetFrequency(_trie.AddPath(word), freq);
            _total += freq;
            if (freq > 0 && word.Any(c => !CharClasses.IsBlock(c)) && !_punctuated.Contains(word)) _punctuated.Add(word);
        }

        /// <summary>jieba's suggest_freq(word): high enough that the word wins over the pieces HMM-less cutting gives.</summary>
        private int SuggestFrequency(string word)
        {
            var view = Build();
            var segmenter = new JiebaSegmenter(view, hmm: null, rules: null);
            var ftotal = (double)_total;
            var p = 1.0;
            foreach (var token in segmenter.Cut(word, SegmentMode.Precise, new SegmenterOptions { Hmm = false, KeepWhole = false }))
            {
                var f = view.Frequency(token.Text);
                p *= (f < 0 ? 1 : f) / ftotal;
            }
            var own = view.Frequency(word);
            return (int)Math.Max((long)(p * _total) + 1, own < 0 ? 1 : own);
        }

        /// <summary>A view of what is loaded so far (suggest_freq segments against it).</summary>
        public JiebaDictionary Build() => new(_trie, _total, _punctuated.ToArray());

        /// <summary>The finished dictionary: its trie compacted for reading.</summary>
        public JiebaDictionary Finish()
        {
            _trie.Compact();
            return Build();
        }
    }
}
