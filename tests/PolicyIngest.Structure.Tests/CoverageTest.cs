using System.Text;
using PolicyIngest.Core.Model;
using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure.Tests;

/// <summary>
/// The schema's invariant: label + (text, or heading when text is empty) of every clause, parts included, covers
/// every character of the input exactly once (whitespace aside, labels in canonical form, page-number lines dropped).
/// </summary>
public class CoverageTest
{
    public static TheoryData<string> Files() => new(SharedFiles.AllTextFiles().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Clauses_CoverTheTextExactlyOnce(string file)
    {
        var path = SharedFiles.AllTextFiles().Single(f => Path.GetFileName(f) == file);
        var text = SharedFiles.Read(path);
        var document = new PolicyStructureParser().Parse(text, new DocumentIdentity(file, new string('0', 64)));
        var expected = Squash(string.Concat(text.Blocks.Where(b => !LogicalLines.IsPageNumber(b.Text)).Select(b => ClauseLabels.Canonicalise(b.Text))));
        var actual = Squash(Covered(document));
        if (document.Parts.Count == 0)
        {
            Assert.Equal(expected, actual);
        }
        else
        {
            var missing = expected.GroupBy(c => c).Select(g => (g.Key, n: g.Count() - actual.Count(a => a == g.Key))).Where(x => x.n != 0);
            var extra = actual.GroupBy(c => c).Where(g => !expected.Contains(g.Key)).Select(g => (g.Key, n: -g.Count()));
            Assert.True(Sorted(expected) == Sorted(actual), "characters missing (+) or repeated (-): " + string.Join(" ", missing.Concat(extra).Select(x => $"{x.Key}{x.n:+#;-#}")));
        }
    }

    [Fact]
    public void Clauses_HaveUniqueIds()
    {
        foreach (var path in SharedFiles.AllTextFiles())
        {
            var d = new PolicyStructureParser().Parse(SharedFiles.Read(path), new DocumentIdentity(path, new string('0', 64)));
            foreach (var doc in new[] { d }.Concat(d.Parts))
            {
                var duplicates = doc.Clauses.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                Assert.True(duplicates.Count == 0, $"{Path.GetFileName(path)}: duplicate ids {string.Join(", ", duplicates)}");
            }
        }
    }

    private static string Covered(PolicyDocument d)
    {
        var sb = new StringBuilder();
        foreach (var c in d.Clauses) sb.Append(c.Label).Append(c.Text.Length > 0 ? c.Text : c.Heading ?? "");
        foreach (var p in d.Parts) sb.Append(Covered(p));
        return sb.ToString();
    }

    /// <summary>Whitespace and label separators (1． 1、 一、) dropped, brackets compared as one: a number the tree rejects
    /// (out of sequence, or inside a wrapped paragraph) stays in the text as written while the expectation canonicalised it.</summary>
    private static string Squash(string s) =>
        string.Concat(s.Where(c => !char.IsWhiteSpace(c) && c is not ('．' or '、' or '.')).Select(c => c switch { '(' => '（', ')' => '）', _ => c }));

    private static string Sorted(string s)
    {
        var a = s.ToCharArray();
        Array.Sort(a);
        return new string(a);
    }
}
