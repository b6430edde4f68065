using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;
using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure;

/// <summary>
/// A compilation of policy cards (北京市产业政策导引): each card — a numbered heading, its notice line and the fields
/// 依据文件 · 发文机构 · 发文字号 · 发布日期 · 工具分类 · 服务对象 · 服务内容 · 条件要求 · 服务流程 · 时间/频度 · 联络方式 —
/// becomes a part of its own. Page numbers and page breaks inside a card are dropped before cards are cut.
/// </summary>
public static partial class CompilationParser
{
    /// <summary>Field names in card order, with the id segment of their clause.</summary>
    public static readonly IReadOnlyList<(string Name, string Id)> CardFields =
    [
        ("依据文件", "basis"), ("发文机构", "issuer"), ("发文字号", "docno"), ("发布日期", "date"), ("发文时间", "date"), ("工具分类", "tool"),
        ("服务对象", "target"), ("服务内容", "content"), ("条件要求", "conditions"), ("服务流程", "process"), ("办理流程", "process"),
        ("时间/频度", "timing"), ("联络方式", "contact"),
    ];

    /// <summary>Fields whose text holds its own numbering (1．…（1）…): they get a clause tree.</summary>
    private static readonly HashSet<string> TreeFields = ["服务内容", "条件要求", "服务流程", "办理流程"];

    [GeneratedRegex(@"^(?<name>依据文件|发文机构|发文字号|发布日期|发文时间|工具分类|服务对象|服务内容|条件要求|服务流程|办理流程|时间\s*/\s*频度|联络方式)(?![的、，。；和与及等为是中])[:：]?\s*(?<rest>.*)$")]
    private static partial Regex FieldLine();

    /// <summary>A field name glued after text: preceded by a word character (not 、，的), followed by the end, a space or a value.</summary>
    [GeneratedRegex(@"(?<=[\p{L}\p{N}》）)”])(?=(?:依据文件|发文机构|发文字号|发布日期|发文时间|工具分类|服务对象|服务内容|条件要求|服务流程|办理流程|时间/频度|联络方式)(?:\s|$|[/／0-9《]))")]
    private static partial Regex GluedField();

    [GeneratedRegex(@"^\s*(?<n>\d{1,3})\s*[.．]\s*(?<title>\S.*)$")]
    private static partial Regex CardHeading();

    [GeneratedRegex(@"^[一二三四五六七八九十]{1,3}\s*、\s*\S{1,20}篇$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"(?:编制|编写|汇编|印发)\s*《(?<t>[^《》]{4,60})》")]
    private static partial Regex CompiledTitle();

    /// <summary>True when the blocks hold at least three cards (依据文件, 发文机构 and 发文字号 fields).</summary>
    public static bool Recognise(IReadOnlyList<TextBlock> blocks)
    {
        // Counted anywhere in a block: a PDF table may glue a field name to the previous cell.
        int basis = 0, number = 0, issuer = 0;
        foreach (var b in blocks)
        {
            basis += Count(b.Text, "依据文件");
            number += Count(b.Text, "发文字号");
            issuer += Count(b.Text, "发文机构");
        }
        return basis >= 3 && number >= 3 && issuer >= 3;

        static int Count(string text, string name)
        {
            var n = 0;
            for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal)) n++;
            return n;
        }
    }

    public static bool StartsField(string line) => FieldLine().IsMatch(line.Trim());

    public static PolicyDocument Parse(ExtractedText text, DocumentIdentity identity)
    {
        // Table cells of a PDF or DOCX arrive as one block with line breaks inside: one line each.
        // A PDF table may also glue a field name to the end of the previous cell (…措施依据文件, …企业服务内容1．…).
        var blocks = text.Blocks
            .SelectMany(b => b.Text.Split('\n').SelectMany(t => GluedField().Split(t)).Where(t => t.Trim().Length > 0).Select(t => b with { Text = t }))
            .ToList();
        var lines = LogicalLines.Build(MergeSplitFieldNames(blocks), l => StartsField(l.Trim()) || CardHeading().IsMatch(l) || SectionHeading().IsMatch(l.Trim()));
        var anchors = Enumerable.Range(0, lines.Count).Where(i => FieldName(lines[i].Text) == "依据文件").ToList();
        var starts = anchors.Select(a => CardStart(lines, a)).ToList();

        var top = new ClauseTree();
        var parts = new List<PolicyDocument>();
        var warnings = new List<string>();
        string? section = null;
        var cursor = 0;
        for (var k = 0; k < anchors.Count; k++)
        {
            var start = starts[k];
            for (; cursor < start; cursor++)
            {
                if (SectionHeading().IsMatch(lines[cursor].Text.Trim())) section = Regex.Replace(lines[cursor].Text.Trim(), @"^\S+?、\s*", "");
                top.AddRootParagraph(lines[cursor]);
            }
            var end = k + 1 < anchors.Count ? starts[k + 1] : lines.Count;
            var cardLines = new List<Line>();
            for (var i = start; i < end; i++)
            {
                // A section heading between two cards belongs to the compilation, and names the section of the cards after it.
                if (SectionHeading().IsMatch(lines[i].Text.Trim()) && i > anchors[k])
                {
                    end = i;
                    break;
                }
                cardLines.Add(lines[i]);
            }
            cursor = end;
            var card = ParseCard(cardLines, anchors[k] - start, text.Format, identity, section);
            if (card.Warnings.Count > 0) warnings.AddRange(card.Warnings.Select(w => $"card {parts.Count + 1}: {w}"));
            parts.Add(card);
        }
        for (; cursor < lines.Count; cursor++) top.AddRootParagraph(lines[cursor]);

        var all = string.Join("\n", lines.Take(starts.FirstOrDefault()).Select(l => l.Text));
        var title = CompiledTitle().Match(all) is { Success: true } m ? Layers.JoinTitle([m.Groups["t"].Value.Replace("\n", "")]) : text.TitleHint ?? "";
        if (title.Length == 0) warnings.Add("structure: the compilation states no title");
        return new PolicyDocument
        {
            Source = identity.Source,
            Sha256 = identity.Sha256,
            Format = text.Format,
            DocType = DocType.Compilation,
            Title = title,
            Region = Regions.Of(title),
            Parts = parts,
            Clauses = top.Clauses,
            Warnings = [.. text.Warnings, .. warnings],
            PageCount = text.PageCount,
            Pages = text.Pages,
        };
    }

    /// <summary>A narrow table cell may break a field name over two lines (服务 / 对象): put it back together.</summary>
    private static List<TextBlock> MergeSplitFieldNames(IReadOnlyList<TextBlock> blocks)
    {
        var merged = new List<TextBlock>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var here = blocks[i].Text.Trim();
            if (i + 1 < blocks.Count && here.Length is >= 1 and <= 3 && CardFields.Any(f => f.Name == here + blocks[i + 1].Text.Trim()))
            {
                merged.Add(blocks[i] with { Text = here + blocks[i + 1].Text.Trim() });
                i++;
                continue;
            }
            merged.Add(blocks[i]);
        }
        return merged;
    }

    /// <summary>The card's first line: the numbered heading a few lines above its 依据文件 field.</summary>
    private static int CardStart(IReadOnlyList<Line> lines, int anchor)
    {
        for (var i = anchor - 1; i >= Math.Max(0, anchor - 5); i--)
        {
            if (FieldName(lines[i].Text) is not null) break;
            if (CardHeading().IsMatch(lines[i].Text)) return i;
        }
        return anchor;
    }

    private static string? FieldName(string line) =>
        FieldLine().Match(line.Trim()) is { Success: true } m ? Regex.Replace(m.Groups["name"].Value, @"\s", "") : null;

    private static PolicyDocument ParseCard(List<Line> lines, int headerCount, SourceFormat format, DocumentIdentity identity, string? section)
    {
        var clauses = new List<Clause>();
        var fields = new Dictionary<string, string>();
        var warnings = new List<string>();
        string? title = null;
        int? number = null;
        var subtitles = new List<string>();
        var headingLines = HeadingLineCount(lines, headerCount);
        for (var i = 0; i < headerCount; i++)
        {
            var text = lines[i].Text.Trim();
            if (i == 0 && CardHeading().Match(text) is { Success: true } h)
            {
                number = int.Parse(h.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
                title = Layers.JoinTitle([h.Groups["title"].Value, .. lines.Skip(1).Take(headingLines - 1).Select(l => l.Text)]);
                clauses.Add(new Clause { Id = "heading", Kind = ClauseKind.Paragraph, Label = "", Path = [], Text = string.Join("\n", lines.Take(headingLines).Select(l => l.Text.Trim())), Page = lines[i].Page });
                i = headingLines - 1;
                continue;
            }
            subtitles.Add(Layers.JoinTitle([text]));
            clauses.Add(new Clause { Id = $"subtitle{subtitles.Count}", Kind = ClauseKind.Paragraph, Label = "", Path = [], Text = text, Page = lines[i].Page });
        }

        // Fields: a field line opens a field; the lines after it belong to it until the next field line.
        var groups = new List<(string Name, Line First, string Value, List<Line> More)>();
        for (var i = headerCount; i < lines.Count; i++)
        {
            var line = lines[i];
            foreach (var (name, rest) in SplitFields(line.Text.Trim()))
            {
                if (name is null)
                {
                    if (groups.Count == 0) clauses.Add(new Clause { Id = $"p{clauses.Count + 1}", Kind = ClauseKind.Paragraph, Label = "", Path = [], Text = rest, Page = line.Page });
                    else groups[^1].More.Add(line with { Text = rest });
                }
                else
                {
                    groups.Add((name, line, rest, []));
                }
            }
        }

        foreach (var (name, first, rest, more) in groups)
        {
            var id = CardFields.FirstOrDefault(f => f.Name == name).Id;
            if (fields.ContainsKey(name)) id += $"-{groups.Count(g => g.Name == name)}";
            if (TreeFields.Contains(name))
            {
                var body = rest.Length > 0 ? [first with { Text = rest }, .. more] : more;
                var tree = new ClauseTree(id, [name]);
                var k = 0;
                // Unnumbered lines before the first numbered line are the field's own text.
                var intro = new List<string>();
                for (; k < body.Count && tree.Accepts(body[k].Text) is null; k++) intro.Add(body[k].Text.Trim());
                clauses.Add(new Clause { Id = id, Kind = ClauseKind.CardField, Label = name, Path = [name], Text = string.Join("\n", intro), Page = first.Page });
                for (; k < body.Count; k++) tree.Add(body[k]);
                clauses.AddRange(tree.Clauses);
                fields.TryAdd(name, string.Join("\n", body.Select(l => l.Text.Trim())));
            }
            else
            {
                var value = Layers.JoinTitle([rest, .. more.Select(l => l.Text)]);
                var raw = string.Join("\n", new[] { rest }.Concat(more.Select(l => l.Text.Trim())).Where(s => s.Length > 0));
                clauses.Add(new Clause { Id = id, Kind = ClauseKind.CardField, Label = name, Path = [name], Text = raw, Page = first.Page });
                fields.TryAdd(name, value);
            }
        }

        if (section is not null) fields["篇"] = section;
        if (number is not null) fields["序号"] = number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (subtitles.Count > 0) fields["副标题"] = Layers.JoinTitle(subtitles);
        if (title is null) warnings.Add("no numbered card heading");
        var basis = fields.GetValueOrDefault("依据文件");
        var docNumberText = fields.GetValueOrDefault("发文字号");
        var docNumber = docNumberText is null || DocNumbers.FindAll(docNumberText) is not { Count: > 0 } numbers ? null : string.Join("/", numbers);
        var issuer = fields.GetValueOrDefault("发文机构") is { Length: > 0 } iss && iss != "/" ? iss : null;
        var issuedOn = (fields.GetValueOrDefault("发布日期") ?? fields.GetValueOrDefault("发文时间")) is { } d ? ChineseDates.Find(d) : null;
        var references = basis is null
            ? []
            : PolicyFacts.Titles(basis).Select(t => new DocRef(t.Title, t.Number ?? docNumber, basis)).ToList();
        // 时间/频度: "2022年 8月 11日起，有效期 3年" gives the card's validity; "从 2023年 9月起" names no day.
        var timing = fields.GetValueOrDefault("时间/频度") ?? "";
        var effectiveFrom = Regex.IsMatch(timing, "起") ? ChineseDates.Find(timing) : null;
        var timingClause = clauses.FirstOrDefault(c => c.Label == "时间/频度")?.Id;
        var (expiresOn, expiryBasis) = ValidityFacts.ExpiresOn([new TextSegment(timingClause, timing)], effectiveFrom);
        var validity = new Validity
        {
            EffectiveFrom = effectiveFrom is null ? null : new ValidityBasis("卡片字段 时间/频度", timing, timingClause),
            ExpiresOn = expiryBasis,
        };
        var noticeLine = subtitles.Count > 0 && Layers.JoinTitle(subtitles).EndsWith("通知") ? Layers.JoinTitle(subtitles) : null;
        return new PolicyDocument
        {
            Source = identity.Source,
            Sha256 = identity.Sha256,
            Format = format,
            DocType = DocType.Policy,
            Title = title ?? (basis ?? ""),
            NoticeTitle = noticeLine,
            DocNumber = docNumber,
            Issuer = issuer,
            Region = Regions.Of(issuer) ?? Regions.Of(title),
            IssuedOn = issuedOn,
            EffectiveFrom = effectiveFrom,
            ExpiresOn = expiresOn,
            Validity = validity,
            References = references,
            Clauses = clauses,
            Fields = fields,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// How many of the lines above 依据文件 belong to the numbered heading: a long heading wraps (…贷款贴息实 / 施方案) and the
    /// line(s) after it restate it as the notice title. The split that makes heading and restatement agree longest wins.
    /// </summary>
    private static int HeadingLineCount(List<Line> lines, int headerCount)
    {
        if (headerCount <= 2 || CardHeading().Match(lines[0].Text.Trim()) is not { Success: true } h) return 1;
        var best = 1;
        var bestScore = -1;
        for (var k = 1; k < headerCount; k++)
        {
            var heading = Layers.JoinTitle([h.Groups["title"].Value, .. lines.Skip(1).Take(k - 1).Select(l => l.Text)]);
            var restated = Layers.JoinTitle(lines.Skip(k).Take(headerCount - k).Select(l => l.Text));
            var score = 0;
            while (score < Math.Min(heading.Length, restated.Length) && heading[score] == restated[score]) score++;
            if (score > bestScore) (best, bestScore) = (k, score);
        }
        return best;
    }

    /// <summary>A line may hold two fields: 工具分类 资金支持 服务对象 全市范围.</summary>
    private static IEnumerable<(string? Name, string Value)> SplitFields(string line)
    {
        if (FieldLine().Match(line) is not { Success: true } m)
        {
            yield return (null, line);
            yield break;
        }
        var name = Regex.Replace(m.Groups["name"].Value, @"\s", "");
        var rest = m.Groups["rest"].Value;
        var inner = Regex.Match(rest, @"(?<=[^\p{P}])(服务对象|工具分类|发布日期|发文时间|发文字号|发文机构)(?![的、，。；和与及等为是中])");
        if (inner.Success)
        {
            yield return (name, rest[..inner.Index].Trim());
            foreach (var more in SplitFields(rest[inner.Index..])) yield return more;
            yield break;
        }
        yield return (name, rest.Trim());
    }
}
