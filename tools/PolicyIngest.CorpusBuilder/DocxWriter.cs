using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyIngest.CorpusBuilder;

/// <summary>What Word features a generated .docx carries besides its paragraphs.</summary>
public sealed record DocxFeatures
{
    /// <summary>第X条 / （一） / （1） prefixes become Word automatic numbering (numbering.xml), removed from the text.</summary>
    public bool AutoNumbering { get; init; }
    /// <summary>Lines of the form "发文机构 北京市…" become rows of a two- or four-column table.</summary>
    public IReadOnlySet<string> TableLabels { get; init; } = new HashSet<string>();
    /// <summary>A tracked deletion in the title and a tracked insertion in the second paragraph, a bookmark, a comment, a field.</summary>
    public bool Revisions { get; init; }
    /// <summary>Running header (the title) and footer with a PAGE field, in this pattern ("— {0} —").</summary>
    public string FooterPattern { get; init; } = "{0}";
    public int FontHalfPoints { get; init; } = 28;
    /// <summary>Running-header text; the document title when null.</summary>
    public string? HeaderText { get; init; }
}

/// <summary>Writes a .docx with DocumentFormat.OpenXml using the Word features real policy files carry.</summary>
public static class DocxWriter
{
    private const string Font = "Noto Sans CJK SC";
    private static readonly DateTime RevisionDate = new(2025, 7, 9, 10, 0, 0, DateTimeKind.Utc);

    public static void Write(string path, SourceText source, DocxFeatures features)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        doc.PackageProperties.Title = source.Title;
        doc.PackageProperties.Created = RevisionDate;
        doc.PackageProperties.Modified = RevisionDate;
        var main = doc.AddMainDocumentPart();
        AddStyles(main, features.FontHalfPoints);

        var plan = features.AutoNumbering
            ? ListPlanner.Plan(source.Paragraphs, ListKind.All)
            : new Dictionary<int, ListPlanner.Item>();
        var runNumIds = AddNumbering(main, plan);

        var body = new Body();
        var table = (Table?)null;
        for (var i = 0; i < source.Paragraphs.Count; i++)
        {
            var text = source.Paragraphs[i];
            if (TableCells(text, features.TableLabels) is { } cells)
            {
                table ??= NewTable(body);
                table.Append(new TableRow(cells.Select(c => new TableCell(
                    new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto }),
                    new Paragraph(TextRun(c))))));
                continue;
            }
            table = null;
            Paragraph paragraph;
            if (plan.TryGetValue(i, out var item))
            {
                paragraph = new Paragraph(
                    new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = runNumIds[item.Run] })),
                    TextRun(text[item.PrefixLength..]));
            }
            else if (features.Revisions && i == 0)
            {
                paragraph = TitleWithRevisions(text);
            }
            else if (features.Revisions && i == 1)
            {
                var half = text.Length / 2;
                paragraph = new Paragraph(TextRun(text[..half]),
                    new InsertedRun(TextRun(text[half..])) { Id = "2", Author = "审核人", Date = RevisionDate });
            }
            else if (features.Revisions && i == 2)
            {
                paragraph = WithCommentAndField(text);
            }
            else
            {
                paragraph = new Paragraph(TextRun(text));
                if (i == 0) paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
            }
            body.Append(paragraph);
        }
        if (features.Revisions) AddComment(main);
        body.Append(Section(main, features.HeaderText ?? source.Title, features.FooterPattern));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static string[]? TableCells(string text, IReadOnlySet<string> labels)
    {
        if (labels.Count == 0) return null;
        var parts = text.Split(' ', 2);
        if (parts.Length != 2 || !labels.Contains(parts[0]) || parts[1].Trim().Length == 0) return null;
        var rest = parts[1].Trim();
        // "工具分类 资金支持 服务对象 全市范围": two label/value pairs on one card row.
        foreach (var label in labels)
        {
            var at = rest.IndexOf(" " + label + " ", StringComparison.Ordinal);
            if (at > 0) return [parts[0], rest[..at], label, rest[(at + label.Length + 2)..].Trim()];
        }
        return [parts[0], rest];
    }

    private static Table NewTable(Body body)
    {
        var border = new Func<OpenXmlElement>[]
        {
            () => new TopBorder { Val = BorderValues.Single, Size = 4 }, () => new BottomBorder { Val = BorderValues.Single, Size = 4 },
            () => new LeftBorder { Val = BorderValues.Single, Size = 4 }, () => new RightBorder { Val = BorderValues.Single, Size = 4 },
            () => new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, () => new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
        };
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(border.Select(b => b()))));
        body.Append(table);
        return table;
    }

    private static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Paragraph TitleWithRevisions(string title) => new(
        new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
        new BookmarkStart { Name = "OLE_LINK1", Id = "0" },
        TextRun(title),
        new BookmarkEnd { Id = "0" },
        new DeletedRun(new Run(new DeletedText("（征求意见稿）") { Space = SpaceProcessingModeValues.Preserve }))
            { Id = "1", Author = "审核人", Date = RevisionDate });

    /// <summary>The text is the result of a field (its code must not be read) and carries a comment (its text must not be read).</summary>
    private static Paragraph WithCommentAndField(string text) => new(
        new CommentRangeStart { Id = "0" },
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(" HYPERLINK \"https://www.bjhr.gov.cn/\" ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        TextRun(text),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
        new CommentRangeEnd { Id = "0" },
        new Run(new CommentReference { Id = "0" }));

    private static void AddComment(MainDocumentPart main)
    {
        var part = main.AddNewPart<WordprocessingCommentsPart>();
        part.Comments = new Comments(new Comment(new Paragraph(TextRun("批注：请核对文号")))
            { Id = "0", Author = "审核人", Date = RevisionDate, Initials = "SH" });
        part.Comments.Save();
    }

    private static void AddStyles(MainDocumentPart main, int halfPoints)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font, ComplexScript = Font },
                    new FontSize { Val = halfPoints.ToString() },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles.Save();
    }

    /// <summary>One abstract list per kind; one numbering instance per run so each run restarts at 1.</summary>
    private static Dictionary<int, int> AddNumbering(MainDocumentPart main, Dictionary<int, ListPlanner.Item> plan)
    {
        var runNumIds = new Dictionary<int, int>();
        if (plan.Count == 0) return runNumIds;
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        var numbering = new Numbering();
        var kinds = ListKind.All.ToList();
        for (var k = 0; k < kinds.Count; k++)
        {
            var kind = kinds[k];
            numbering.Append(new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = kind.Chinese ? NumberFormatValues.ChineseCounting : NumberFormatValues.Decimal },
                    new LevelText { Val = kind.LevelText },
                    new LevelSuffix { Val = kind.Name == "article" ? LevelSuffixValues.Space : LevelSuffixValues.Nothing },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "0", FirstLine = "640" }))
                { LevelIndex = 0 })
            { AbstractNumberId = k + 1 });
        }
        var nextId = 1;
        foreach (var item in plan.Values.DistinctBy(v => v.Run).OrderBy(v => v.Run))
        {
            runNumIds[item.Run] = nextId;
            numbering.Append(new NumberingInstance(
                new AbstractNumId { Val = kinds.IndexOf(item.Kind) + 1 },
                new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 })
            { NumberID = nextId });
            nextId++;
        }
        part.Numbering = numbering;
        part.Numbering.Save();
        return runNumIds;
    }

    private static SectionProperties Section(MainDocumentPart main, string title, string footerPattern)
    {
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new RunProperties(new FontSize { Val = "18" }), new Text(title))));
        header.Header.Save();

        var footer = main.AddNewPart<FooterPart>();
        var before = footerPattern[..footerPattern.IndexOf("{0}", StringComparison.Ordinal)];
        var after = footerPattern[(footerPattern.IndexOf("{0}", StringComparison.Ordinal) + 3)..];
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            TextRun(before),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            TextRun("1"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            TextRun(after)));
        footer.Footer.Save();

        var section = new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 });
        if (title.Length == 0)
        {
            section.RemoveChild(section.GetFirstChild<HeaderReference>());
            main.DeletePart(header);
        }
        return section;
    }
}
