using PolicyIngest.Core;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Text;

namespace PolicyIngest.Track.Tests;

/// <summary>
/// Test input only: turns the shared law texts (one provision per line: 第X章, 第X条, （一）) into clause lists with
/// their sums, so the alignment tests do not depend on the structure parser and amount extractor being written
/// in parallel. The real pipeline is exercised by `evaluate diff` and the real-pair tests.
/// </summary>
public static partial class LawTextFixture
{
    public static string SharedRoot => RepositoryPaths.Shared;

    public static string RevisionPath(string prefix) =>
        Directory.GetFiles(Path.Combine(SharedRoot, "data", "revisions"), prefix + "*.txt").Single();

    public static PolicyDocument Load(string prefix) => Parse(File.ReadAllText(RevisionPath(prefix)), prefix);

    public static PolicyDocument Parse(string text, string source)
    {
        var clauses = new List<Clause>();
        var amounts = new List<MonetaryAmount>();
        string? chapter = null;
        Clause? article = null;
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("# source", StringComparison.Ordinal)).ToList();
        var title = lines.FirstOrDefault() ?? "";
        foreach (var line in lines.Skip(1))
        {
            if (Chapter().Match(line) is { Success: true } ch)
            {
                chapter = ComparableText.From(ch.Groups[1].Value).Text;
                clauses.Add(new Clause { Id = $"c{clauses.Count}", Kind = ClauseKind.Chapter, Label = chapter, Path = [chapter], Text = line, Heading = ch.Groups[2].Value });
                article = null;
                continue;
            }
            Clause clause;
            if (Article().Match(line) is { Success: true } art)
            {
                var label = ComparableText.From(art.Groups[1].Value).Text;
                clause = article = new Clause { Id = $"a{clauses.Count}", Kind = ClauseKind.Article, Label = label, Path = chapter is null ? [label] : [chapter, label], Text = line };
            }
            else if (article is not null && Item().Match(line) is { Success: true } item)
            {
                var label = ComparableText.From(item.Groups[1].Value).Text;
                clause = new Clause { Id = $"i{clauses.Count}", Kind = ClauseKind.Item, Label = label, Path = [.. article.Path, label], Text = line };
            }
            else if (article is not null)
                clause = new Clause { Id = $"p{clauses.Count}", Kind = ClauseKind.Paragraph, Label = "", Path = [.. article.Path, "款"], Text = line };
            else
                clause = new Clause { Id = $"h{clauses.Count}", Kind = ClauseKind.Paragraph, Label = "", Path = [], Text = line };
            clauses.Add(clause);
            foreach (Match m in Money().Matches(line))
            {
                var value = decimal.TryParse(m.Groups[1].Value, out var d) ? d : ChineseNumerals.Parse(m.Groups[1].Value) ?? 0;
                if (value == 0) continue;
                var scale = m.Groups[2].Value switch { "万" => 10_000m, "亿" => 100_000_000m, _ => 1m };
                amounts.Add(new MonetaryAmount
                {
                    ClauseId = clause.Id, Article = article?.Label ?? "", Text = m.Value, Yuan = value * scale,
                    Role = line[..m.Index].EndsWith('处') || line[(m.Index + m.Length)..].StartsWith("以下的罚款", StringComparison.Ordinal) ? AmountRole.Penalty : AmountRole.Other,
                });
            }
        }
        return new PolicyDocument
        {
            Source = source, Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), Format = SourceFormat.Txt,
            DocType = DocType.Law, Title = title, Clauses = clauses, Amounts = amounts,
        };
    }

    [GeneratedRegex(@"^(第[一二三四五六七八九十百]+章)\s*(.*)$")]
    private static partial Regex Chapter();

    [GeneratedRegex(@"^(第[一二三四五六七八九十百零]+条)")]
    private static partial Regex Article();

    [GeneratedRegex(@"^([（(][一二三四五六七八九十]+[)）])")]
    private static partial Regex Item();

    [GeneratedRegex(@"(\d+(?:\.\d+)?|[一二三四五六七八九十百千两]+)(万|亿)?元")]
    private static partial Regex Money();
}
