using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;
using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure;

/// <summary>Metadata a part (附件) takes from the document it is attached to when it states none of its own.</summary>
public sealed record InheritedMetadata(string? Issuer, string? Region, DateOnly? IssuedOn);

/// <summary>
/// One issued document from its logical lines: the outer layers (red header, notice, 发文字号, addressees, signature,
/// date, （此件公开发布）), the policy title and its tree, attachments as parts, closing lines (抄送, 印发, 相关解读).
/// </summary>
public static partial class PolicyParser
{
    [GeneratedRegex(@"^[\s　]*(?<date>\S{8,14}?日)\s*(?<what>.*?(通过|公布|修订|修正|发布|批准|施行|颁布).*?)[）)\s　]*$")]
    private static partial Regex HistoryLine();

    [GeneratedRegex(@"第[一二三四五六七八九十百\d]+届|第[一二三四五六七八九十百\d]+次会议.*$|会议.*$")]
    private static partial Regex SessionWords();

    [GeneratedRegex(@"^(?<title>[^。；]{6,150}?)\s*(?<bracket>[（(]\s*(?<number>[^（）()]{2,20}[〔\[［【﹝]\s*(19|20)\d{2}\s*[〕\]］】﹞]\s*第?\d{1,5}\s*号)\s*[）)])$")]
    private static partial Regex TitleWithNumber();

    [GeneratedRegex(@"^[（(【\[].{0,20}(印章|盖章|公章|签章).{0,20}[）)】\]]$")]
    private static partial Regex SealNote();

    [GeneratedRegex(@"(?<=\S)\s*[（(【\[][^（）()【】]{0,20}(印章|盖章|公章|签章)[^（）()【】]{0,20}[）)】\]]$")]
    private static partial Regex TrailingSealNote();

    private enum Role { Meta, AttachmentMarker, RedHeader, NoticeTitle, DocNumber, Addressees, Date, Signature, PublicationNote, History, Title, Text }

    private sealed record FrontItem(Line Line, Role Role);

    public static PolicyDocument Parse(IReadOnlyList<Line> lines, SourceFormat format, DocumentIdentity identity, string? titleHint,
        InheritedMetadata? inherited = null)
    {
        var (main, attachments, closing) = Segment(lines);
        ReclaimAttachmentNotes(main, attachments);
        // A law's 目录 lists its chapters before the text: those lines are navigation, not the first chapters.
        var toc = TableOfContents(main);
        var bodyStart = main.FindIndex(toc?.End ?? 0, l => ClauseLabels.Match(l.Text) is { Number: 1, Level: <= LabelLevel.Outline2 });
        if (bodyStart < 0) bodyStart = main.Count;
        var frontEnd = toc?.Start ?? bodyStart;
        var front = Classify(main.Take(frontEnd).ToList());
        var contents = main.Skip(frontEnd).Take(bodyStart - frontEnd).ToList();
        var body = main.Skip(bodyStart).ToList();
        var tail = PeelTail(body);
        var warnings = new List<string>();

        // When nothing is numbered, the text after the front matter is the body (a notice's text stays front).
        var tree = new ClauseTree();
        foreach (var item in front) tree.AddRootParagraph(item.Line);
        foreach (var line in contents) tree.AddRootParagraph(line);
        foreach (var line in body) tree.Add(line);
        foreach (var line in tail) tree.AddRootParagraph(line);
        foreach (var line in closing) tree.AddRootParagraph(line);

        var noticeTitle = front.FirstOrDefault(f => f.Role == Role.NoticeTitle)?.Line.Text.Trim();
        var issuedTitle = noticeTitle is null ? null : Layers.IssuedTitleOf(noticeTitle);
        var titleCandidates = front.Where(f => f.Role == Role.Title).Select(f => Layers.JoinTitle([f.Line.Text])).ToList();
        var title = ChooseTitle(titleCandidates, issuedTitle, noticeTitle);
        // A page heading the reader matched to the page's own <title> and that opens the text is the title, even when it
        // reads like a sentence (无需个人垫付！…快速办理！) and a later heading ends like one (办理指引).
        if (noticeTitle is null && titleHint is { Length: >= 4 } hint && lines.Count > 0 && ClauseLabels.Match(hint) is null
            && Layers.JoinTitle([lines[0].Text]) == Layers.JoinTitle([hint]) && title != hint && !titleCandidates.Take(1).Contains(Layers.JoinTitle([hint])))
            title = Layers.JoinTitle([hint]);

        var history = front.Where(f => f.Role == Role.History).Select(f => f.Line.Text).ToList();
        var signDate = front.Where(f => f.Role == Role.Date).Select(f => ChineseDates.WholeLine(f.Line.Text)).FirstOrDefault(d => d is not null)
            ?? tail.Select(l => ChineseDates.WholeLine(l.Text)).LastOrDefault(d => d is not null)
            ?? closing.Select(l => Layers.IsClosingStart(l.Text) ? ChineseDates.Find(l.Text) : null).FirstOrDefault(d => d is not null);
        var historyDate = history.Select(h => ChineseDates.Find(h)).LastOrDefault(d => d is not null);
        // A law's history block under its title: the text in force is that of the last revision.
        var lawEvents = LawHistory.Parse(HistoryBlock(front));
        if (lawEvents.Count > 0) historyDate = lawEvents[^1].Date;
        var issuedOn = signDate ?? historyDate ?? inherited?.IssuedOn;

        var signature = front.Concat(tail.Select(l => new FrontItem(l, Role.Text)))
            .Where(f => f.Role == Role.Signature || (f.Role == Role.Text && Layers.IsOrganisation(f.Line.Text)))
            .Select(f => f.Line.Text.Trim().Replace("　", "").Replace(" ", "")).FirstOrDefault();
        var redHeader = front.FirstOrDefault(f => f.Role == Role.RedHeader)?.Line.Text.Replace(" ", "").Replace("　", "");
        var issuer = (noticeTitle is null ? null : Layers.IssuerBefore关于(noticeTitle))
            ?? signature
            ?? (redHeader is null ? null : redHeader[..^2])
            ?? (title is null ? null : Layers.IssuerBefore关于(title))
            ?? (lawEvents.Count > 0 && lawEvents[^1].Body.Length > 0 ? lawEvents[^1].Body : null)
            ?? IssuerFromHistory(history.LastOrDefault())
            ?? inherited?.Issuer;

        var issuers = IssuerList(noticeTitle, SignatureBlock(front, tail), redHeader, issuer);
        if (issuer is not null && Issuers.IsAbbreviated(issuer) && issuers.Count > 0) issuer = string.Concat(issuers);

        var docNumber = front.Where(f => f.Role == Role.DocNumber).Select(f => DocNumbers.WholeLine(f.Line.Text)).FirstOrDefault(n => n is not null)
            ?? history.Select(h => Regex.IsMatch(h, "令第") ? DocNumbers.Find(h) : null).LastOrDefault(n => n is not null)
            ?? DecreeNumber(front);

        // A decree (广州市人民政府令第179号) names its issuer.
        if (issuers.Count == 0 && docNumber is not null && Regex.Match(docNumber, "^(?<org>.+?)令第") is { Success: true } decree
            && Layers.IsOrganisation(decree.Groups["org"].Value))
        {
            issuers = [decree.Groups["org"].Value];
            issuer ??= issuers[0];
        }

        var factsText = string.Join("\n", main.Select(l => l.Text));
        var clauses = tree.Clauses;
        var validity = ValidityFacts.Read(Segments(clauses), issuedOn, title, PrintedLine(closing, clauses));

        var docType = DocTypeOf(title, clauses, tree.HasNumberedUnits, noticeTitle);
        string? interprets = null;
        if (docType == DocType.Interpretation)
        {
            interprets = InterpretedTitle(title, clauses);
            if (title is null && interprets is not null)
            {
                title = $"《{interprets}》政策解读";
                warnings.Add("structure: the interpretation states no title; named after the policy it explains");
            }
        }
        if (title is null)
        {
            title = titleHint ?? "";
            warnings.Add(titleHint is null ? "structure: no title line found" : "structure: no title line found; used the reader's title hint");
        }

        var region = Regions.Of(issuer) ?? Regions.Of(title.TrimStart('《', '“')) ?? (interprets is null ? null : Regions.Of(interprets)) ?? inherited?.Region;
        var fields = RelatedLinks(closing);
        var own = new InheritedMetadata(issuer, region, issuedOn);
        var parts = attachments.Select(a => Parse(a, format, identity, null, own)).ToList();

        return new PolicyDocument
        {
            Source = identity.Source,
            Sha256 = identity.Sha256,
            Format = format,
            DocType = docType,
            Title = title,
            // A notice that is itself the content (关于进一步加强…的通知) is the document: its title, no wrapper.
            NoticeTitle = issuedTitle is null && title == noticeTitle ? null : noticeTitle,
            DocNumber = docNumber,
            Issuer = issuer,
            Issuers = issuers,
            Region = region,
            IssuedOn = issuedOn,
            EffectiveFrom = validity.EffectiveFrom,
            ExpiresOn = validity.ExpiresOn,
            Validity = validity.Validity,
            Interprets = interprets,
            Repeals = PolicyFacts.Repeals(factsText),
            References = PolicyFacts.References(factsText),
            Parts = parts,
            Clauses = clauses,
            Warnings = warnings,
            Fields = fields.Count > 0 ? fields : null,
        };
    }

    /// <summary>
    /// The 目录 block: a line reading 目录 followed by headings (第一章 总则 …) up to the line where the first of them
    /// comes again as the text's own heading. Null when there is no such line or the first heading never repeats.
    /// </summary>
    private static (int Start, int End)? TableOfContents(IReadOnlyList<Line> lines)
    {
        static string Bare(string s) => s.Replace(" ", "").Replace("　", "").Replace("\t", "");
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (Bare(lines[i].Text) != "目录") continue;
            if (ClauseLabels.Match(lines[i + 1].Text) is null) return null;
            var first = Bare(lines[i + 1].Text);
            for (var j = i + 2; j < lines.Count; j++)
                if (Bare(lines[j].Text) == first) return (i, j);
            return null;
        }
        return null;
    }

    /// <summary>True when the parser found any structure at all (else the caller falls back to plain paragraphs).</summary>
    public static bool Recognised(PolicyDocument d) =>
        d.Clauses.Any(c => c.Kind != ClauseKind.Paragraph) || d.DocNumber is not null || d.NoticeTitle is not null || d.Parts.Count > 0
        || (d.Title.Length > 0 && !d.Warnings.Any(w => w.Contains("no title", StringComparison.Ordinal)));

    /// <summary>Each clause's own text with its id: where validity sentences are looked for.</summary>
    private static List<TextSegment> Segments(IReadOnlyList<Clause> clauses) =>
        [.. clauses.Select(c => new TextSegment(c.Id, c.Text.Length > 0 ? c.Text : c.Heading ?? ""))];

    /// <summary>The 版记 line that dates the printing (广州市人民政府办公厅秘书处2022年9月13日印发), with its clause.</summary>
    private static TextSegment? PrintedLine(List<Line> closing, IReadOnlyList<Clause> clauses)
    {
        if (closing.FirstOrDefault(l => Layers.IsPrintedLine(l.Text)) is not { } line) return null;
        var text = line.Text.Trim();
        return new TextSegment(clauses.LastOrDefault(c => c.Text.Contains(text, StringComparison.Ordinal))?.Id, text);
    }

    /// <summary>Splits lines into the main document, each attachment (from a 附件/附件1 line) and the closing lines.</summary>
    private static (List<Line> Main, List<List<Line>> Attachments, List<Line> Closing) Segment(IReadOnlyList<Line> lines)
    {
        var main = new List<Line>();
        var attachments = new List<List<Line>>();
        var closing = new List<Line>();
        var current = main;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            if (Layers.IsAttachmentStart(text) && i + 1 < lines.Count && !Layers.IsClosingStart(lines[i + 1].Text) && main.Count > 0)
            {
                current = [];
                attachments.Add(current);
            }
            else if (Layers.IsClosingStart(text) && current != closing && (main.Count > 0))
            {
                current = closing;
            }
            current.Add(lines[i]);
        }
        return (main, attachments, closing);
    }

    /// <summary>
    /// 附件说明 before the 落款 (附件：/ 1.房源情况表 / 2.… / 广州市住房保障办公室 / 2025年3月19日) is part of the main
    /// document, not an attachment: a "part" of short list lines that ends in a signature date goes back to the main text.
    /// </summary>
    private static void ReclaimAttachmentNotes(List<Line> main, List<List<Line>> attachments)
    {
        while (attachments.Count > 0)
        {
            var part = attachments[0];
            var date = part.FindLastIndex(l => ChineseDates.WholeLine(l.Text) is not null);
            var isNote = date >= 1 && date >= part.Count - 2 && part.Count <= 20
                && part.Take(date).All(l => l.Text.Trim().Length <= 80 && !l.Text.Contains('。'));
            if (!isNote) return;
            main.AddRange(part);
            attachments.RemoveAt(0);
        }
    }

    private static List<FrontItem> Classify(List<Line> lines)
    {
        var items = new List<FrontItem>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = line.Text.Trim(' ', '　', '\t');
            if (Layers.IsSourceMeta(text) || Layers.IsBannerMark(text)) { items.Add(new(line, Role.Meta)); continue; }
            if (Layers.IsAttachmentStart(text)) { items.Add(new(line, Role.AttachmentMarker)); continue; }
            if (Layers.IsRedHeader(text)) { items.Add(new(line, Role.RedHeader)); continue; }
            if (DocNumbers.WholeLine(text) is not null) { items.Add(new(line, Role.DocNumber)); continue; }
            if (ChineseDates.WholeLine(text) is not null)
            {
                if (items.Count > 0 && items[^1].Role == Role.Text && Layers.IsOrganisation(items[^1].Line.Text))
                    items[^1] = items[^1] with { Role = Role.Signature };
                items.Add(new(line, Role.Date));
                continue;
            }
            if (HistoryLine().Match(text) is { Success: true } h && ChineseDates.Find(h.Groups["date"].Value) is not null)
            {
                items.Add(new(line, Role.History));
                continue;
            }
            if (Layers.IsPublicationNote(text)) { items.Add(new(line, Role.PublicationNote)); continue; }
            // 关于…的通知 （浙价费〔2007〕136号）: a title with its 发文字号 in brackets on the same line.
            if (TitleWithNumber().Match(text) is { Success: true } tn && DocNumbers.Find(tn.Groups["number"].Value) is not null
                && (Layers.IsNoticeTitle(tn.Groups["title"].Value) || Layers.EndsLikeTitle(tn.Groups["title"].Value)))
            {
                var titleText = tn.Groups["title"].Value.Trim();
                items.Add(new(new Line(titleText, line.Page), Layers.IsNoticeTitle(titleText) ? Role.NoticeTitle : Role.Title));
                items.Add(new(new Line(text[tn.Groups["bracket"].Index..].Trim(), line.Page), Role.DocNumber));
                continue;
            }
            // A title or notice title may be broken over up to three lines.
            var (joined, used) = JoinedTitle(lines, i);
            if (used > 0 && Layers.IsNoticeTitle(joined))
            {
                items.Add(new(new Line(joined, line.Page), Role.NoticeTitle));
                i += used - 1;
                continue;
            }
            if (Layers.IsAddressees(text)) { items.Add(new(line, Role.Addressees)); continue; }
            if (used > 0 && !Layers.IsOrganisation(joined))
            {
                items.Add(new(new Line(joined, line.Page), Role.Title));
                i += used - 1;
                continue;
            }
            items.Add(new(line, Role.Text));
        }
        TitleAfterBanner(items);
        return items;
    }

    /// <summary>
    /// GB/T 9704-2012 order: 版头 (发文机关标志, 发文字号) → 标题 → 主送 → 正文. When nothing reads as a title, the first short
    /// plain line right after the 版头 is the title, whatever words it ends with.
    /// </summary>
    private static void TitleAfterBanner(List<FrontItem> items)
    {
        if (items.Any(f => f.Role is Role.Title or Role.NoticeTitle)) return;
        var banner = items.FindLastIndex(f => f.Role is Role.RedHeader or Role.DocNumber);
        if (banner < 0) return;
        for (var i = banner + 1; i < items.Count && i <= banner + 2; i++)
        {
            var text = items[i].Line.Text.Trim();
            if (items[i].Role == Role.Meta) continue;
            if (items[i].Role == Role.Text && text.Length is >= 2 and <= 60 && Layers.IsTitleFragment(text) && !Layers.IsOrganisation(text))
                items[i] = items[i] with { Role = Role.Title };
            return;
        }
    }

    /// <summary>The shortest run of title fragments from <paramref name="start"/> that ends like a title (up to 5 lines).</summary>
    private static (string Joined, int Used) JoinedTitle(List<Line> lines, int start)
    {
        // Long titles wrap over four or five printed lines (a joint notice naming several measures).
        for (var k = 1; k <= 5 && start + k <= lines.Count; k++)
        {
            var piece = lines[start + k - 1].Text;
            if (!Layers.IsTitleFragment(piece) && !(k == 1 && Layers.IsNoticeTitle(piece))) break;
            var joined = Layers.JoinTitle(lines.Skip(start).Take(k).Select(l => l.Text));
            if (Layers.EndsLikeTitle(joined) || Layers.IsNoticeTitle(joined)) return (joined, k);
        }
        return ("", 0);
    }

    /// <summary>Removes the signature, date, （此件公开发布） and 附件： list lines at the end of the body.</summary>
    private static List<Line> PeelTail(List<Line> body)
    {
        var tail = new List<Line>();
        var sawDate = false;
        while (body.Count > 0)
        {
            var text = body[^1].Text.Trim(' ', '　');
            var isDate = ChineseDates.WholeLine(text) is not null;
            var take = isDate || Layers.IsPublicationNote(text) || Layers.IsAttachmentList(text)
                || (sawDate && Layers.IsOrganisation(text) && ClauseLabels.Match(text) is null);
            if (!take) break;
            sawDate |= isDate;
            tail.Insert(0, body[^1]);
            body.RemoveAt(body.Count - 1);
        }
        return tail;
    }

    private static string? ChooseTitle(List<string> candidates, string? issuedTitle, string? noticeTitle)
    {
        if (issuedTitle is not null)
        {
            var same = candidates.FirstOrDefault(c => c == issuedTitle)
                ?? candidates.LastOrDefault(c => c.Length >= 4 && (issuedTitle.EndsWith(c) || issuedTitle.Contains(c) || c.Contains(issuedTitle)));
            return same ?? candidates.LastOrDefault() ?? issuedTitle;
        }
        if (candidates.Count > 0) return candidates[0];
        return noticeTitle;   // a notice that issues no named document is titled by itself
    }

    private static DocType DocTypeOf(string? title, IReadOnlyList<Clause> clauses, bool hasBody, string? noticeTitle)
    {
        var numbered = clauses.Where(c => c.Kind != ClauseKind.Paragraph && c.Path.Count == 1).ToList();
        var questions = numbered.Count(c => (c.Heading ?? c.Text).TrimEnd().EndsWith('？') || (c.Heading ?? c.Text).TrimEnd().EndsWith('?'));
        if ((title?.Contains("解读") ?? false) || (numbered.Count >= 2 && questions * 2 >= numbered.Count)) return DocType.Interpretation;
        // Without a title line, the way the text names itself (本办法, 本意见, 本条例) tells its kind.
        var t = title is null
            ? Regex.Match(string.Concat(clauses.Select(c => c.Text)), "本(办法|措施|细则|意见|方案|条例|规定|法)(?![律规])") is { Success: true } self ? self.Groups[1].Value : ""
            : Regex.Replace(title, @"[（(][^（）()]{1,12}[）)]$", "");
        if (t.EndsWith("办法") || t.EndsWith("措施") || t.EndsWith("细则") || t.EndsWith("意见") || t.EndsWith("方案") || t.EndsWith("指南")
            || t.EndsWith("计划") || t.EndsWith("规划") || t.EndsWith("政策") || t.EndsWith("要点") || t.EndsWith("指引") || t.EndsWith("决定"))
            return DocType.Policy;
        if (t.EndsWith("法") || t.EndsWith("条例") || t.EndsWith("规定") || t.EndsWith("规则")) return DocType.Law;
        if (t.EndsWith("导引") || t.EndsWith("汇编")) return DocType.Compilation;
        if (t.EndsWith("通知") || t.EndsWith("公告") || t.EndsWith("通告") || t == noticeTitle) return DocType.Notice;
        return DocType.Other;
    }

    /// <summary>The policy an interpretation explains: named in its title, else the 《title》 its headings keep naming.</summary>
    private static string? InterpretedTitle(string? title, IReadOnlyList<Clause> clauses)
    {
        if (title is not null && Regex.Match(title, "《(?<t>[^《》]+)》") is { Success: true } m) return m.Groups["t"].Value;
        if (title is not null && Regex.Match(title, "^(关于)?(?<t>.+?)(的)?(政策)?解读") is { Success: true } t && t.Groups["t"].Value.Length >= 4)
            return t.Groups["t"].Value;
        var counts = clauses.Select(c => c.Heading ?? "").Concat(clauses.Select(c => c.Text))
            .SelectMany(s => Regex.Matches(s, "《(?<t>[^《》]{4,80})》").Select(x => x.Groups["t"].Value))
            .GroupBy(x => x).OrderByDescending(g => g.Count()).FirstOrDefault();
        return counts is { } g && g.Count() >= 2 ? g.Key : null;
    }

    /// <summary>The front lines of a law's history block, from the line that opens it to the one that closes its bracket.</summary>
    private static string HistoryBlock(List<FrontItem> front)
    {
        var start = front.FindIndex(f => LawHistory.Opens(f.Line.Text));
        if (start < 0) return "";
        var block = new System.Text.StringBuilder();
        for (var i = start; i < front.Count && i < start + 12; i++)
        {
            block.Append(front[i].Line.Text.Trim());
            if (block.ToString().TrimEnd().EndsWith('）') || block.ToString().TrimEnd().EndsWith(')')) break;
        }
        return block.ToString();
    }

    /// <summary>A decree number printed over two lines under the title: 广州市人民政府令 / 第179号.</summary>
    private static string? DecreeNumber(List<FrontItem> front)
    {
        for (var i = 0; i + 1 < front.Count && i < 12; i++)
        {
            var first = front[i].Line.Text.Trim();
            if (first.EndsWith('令') && first.Length <= 30 && DocNumbers.Find(first + front[i + 1].Line.Text.Trim()) is { } n
                && Regex.IsMatch(front[i + 1].Line.Text.Trim(), @"^第\s*\d{1,5}\s*号$")) return n;
            if (Regex.IsMatch(first, @"令\s*第\s*\d{1,5}\s*号$") && first.Length <= 40 && DocNumbers.Find(first) is { } whole) return whole;
        }
        return null;
    }

    /// <summary>The run of organisation lines just before the first date line: a 落款 of one or several agencies.</summary>
    private static List<string> SignatureBlock(List<FrontItem> front, List<Line> tail)
    {
        // A seal note may share the 署名's line when the layout put them side by side: BJTU单位（此处添加印章…）.
        var lines = front.Select(f => f.Line.Text.Trim()).Concat(tail.Select(l => l.Text.Trim()))
            .Select(l => TrailingSealNote().Replace(l, "").Trim()).ToList();
        var date = lines.FindIndex(l => ChineseDates.WholeLine(l) is not null);
        var block = new List<string>();
        var i = date - 1;
        // The 印章 stands between 署名 and date; templates print a note in its place: （此处添加印章…）.
        while (i >= 0 && SealNote().IsMatch(lines[i])) i--;
        for (; i >= 0 && (Layers.IsOrganisation(lines[i]) || IsSpacedOrganisations(lines[i])); i--) block.Insert(0, lines[i]);
        return block;
    }

    /// <summary>广州市医疗保障局　　广州市财政局: several organisations on one 落款 line.</summary>
    private static bool IsSpacedOrganisations(string line)
    {
        var pieces = Regex.Split(line.Trim(), @"[\s　]{1,}").Where(p => p.Length > 0).ToList();
        return pieces.Count >= 2 && pieces.All(Layers.IsOrganisation);
    }

    /// <summary>
    /// Every issuing agency: the notice title's issuer unless it names only the lead agency (…等4部门), else the 落款,
    /// else the red header's agencies, else the single issuer found otherwise.
    /// </summary>
    private static IReadOnlyList<string> IssuerList(string? noticeTitle, List<string> signature, string? redHeader, string? issuer)
    {
        var fromTitle = noticeTitle is null ? null : Layers.IssuerBefore关于(noticeTitle);
        var signed = signature.SelectMany(Issuers.Split).Where(Layers.IsOrganisation).ToList();
        if (fromTitle is not null && !Issuers.IsAbbreviated(fromTitle))
        {
            var titled = Issuers.Split(fromTitle);
            // A title shortens the second agency (浙江省物价局、省财政厅); the 署名 spells each one out.
            var fuller = signed.Count == titled.Count && titled.Zip(signed).All(p => p.Second.EndsWith(p.First, StringComparison.Ordinal));
            return fuller ? signed : titled;
        }
        if (signed.Count > 0) return signed;
        if (redHeader is { Length: > 2 }) return Issuers.Split(redHeader[..^2]);
        return issuer is null || Issuers.IsAbbreviated(issuer) ? [] : Issuers.Split(issuer);
    }

    private static string? IssuerFromHistory(string? line)
    {
        if (line is null) return null;
        var m = HistoryLine().Match(line.Trim());
        if (!m.Success) return null;
        var what = m.Groups["what"].Value;
        var decree = Regex.Match(what, @"(中华人民共和国)?(?<org>[\u4e00-\u9fff]{2,12}?)令第");
        if (decree.Success) return decree.Groups["org"].Value;
        var congress = Regex.Match(what, @"^(?<org>.*?(人民代表大会常务委员会|人民代表大会))");
        if (congress.Success) return SessionWords().Replace(congress.Groups["org"].Value, "");
        return null;
    }

    /// <summary>相关解读 and similar link lists in the closing lines, kept as fields.</summary>
    private static Dictionary<string, string> RelatedLinks(List<Line> closing)
    {
        var fields = new Dictionary<string, string>();
        string? key = null;
        foreach (var line in closing)
        {
            var text = line.Text.Trim();
            if (Regex.Match(text, @"^(?<k>相关(解读|链接|文件))\s*[:：]?$") is { Success: true } k) { key = k.Groups["k"].Value; continue; }
            if (key is null) continue;
            fields[key] = fields.TryGetValue(key, out var v) ? $"{v} {text}" : text;
        }
        return fields;
    }
}
