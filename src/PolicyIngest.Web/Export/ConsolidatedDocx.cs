using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyIngest.Track.Consolidation;
using PolicyIngest.Track.Reports;

namespace PolicyIngest.Web.Export;

/// <summary>
/// The 整理版 as a Word file (OpenXml): A4 portrait, the text in 宋体, each 编注 in its own paragraph style
/// (<see cref="NoteStyle"/>: 楷体, smaller, indented, shaded) so a reader can restyle or strip the notes in Word.
/// </summary>
public static class ConsolidatedDocx
{
    public const string NoteStyle = "EditorNote";
    public const string ClauseStyle = "Clause";
    public const string HeadingStyle = "ConsolidatedHeading";
    public const string TitleStyle = "ConsolidatedTitle";
    public const string AboutStyle = "ConsolidatedAbout";

    // A4 in twentieths of a point (210 × 297 mm); margins 25.4 mm top/bottom, 31.7 mm left/right (Word's A4 default).
    private const uint A4Width = 11906;
    private const uint A4Height = 16838;

    public static void Write(Stream output, ConsolidatedDocument d)
    {
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        // The mark a folder ingest tells the catalogue's own output by (as the HTML's generator tag).
        WriteCoreProperties(package.AddCoreFilePropertiesPart(), d.Current.Document.Title + "（整理版）");
        var main = package.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        var body = new Body();
        body.Append(Para(TitleStyle, Run(d.Current.Document.Title, bold: true)));
        foreach (var line in ConsolidatedPlainText.Header(d)) body.Append(Para(AboutStyle, Run(line)));
        var part = 0;
        foreach (var c in d.Clauses)
        {
            if (c.Part != part) { part = c.Part; body.Append(Para(HeadingStyle, Run(d.PartTitles[part - 1], bold: true))); }
            var line = ClauseLine.Of(c.Clause);
            if (line.IsHeading) body.Append(Para(HeadingStyle, Run(line.Plain, bold: true)));
            else
            {
                var runs = new List<Run>();
                if (line.Label.Length > 0) runs.Add(Run(line.Label + " ", bold: true));
                if (line.Heading is { } h) runs.Add(Run(h + " ", bold: true));
                runs.Add(Run(line.Text));
                var p = Para(ClauseStyle, [.. runs]);
                if (line.Kind is Core.Model.ClauseKind.Item or Core.Model.ClauseKind.Subitem)
                    p.ParagraphProperties!.Append(new Indentation { Left = "420", FirstLine = "0" });
                body.Append(p);
            }
            if (c.Note is { } note) body.Append(Para(NoteStyle, Run(note.Display)));
        }
        if (d.Removed.Count > 0)
        {
            body.Append(Para(HeadingStyle, Run(ConsolidatedPlainText.RemovedHeading, bold: true)));
            foreach (var r in d.Removed)
            {
                body.Append(Para(NoteStyle, Run(r.Display)));
                body.Append(Para(ClauseStyle, Run(r.Text)));
            }
        }
        body.Append(new SectionProperties(
            new PageSize { Width = A4Width, Height = A4Height, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1800, Right = 1800, Header = 851, Footer = 992, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>docProps/core.xml, where Word keeps them (PackageProperties would write a .psmdcp part instead).</summary>
    private static void WriteCoreProperties(CoreFilePropertiesPart part, string title)
    {
        XNamespace cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        var xml = new XDocument(new XElement(cp + "coreProperties", new XAttribute(XNamespace.Xmlns + "cp", cp), new XAttribute(XNamespace.Xmlns + "dc", dc),
            new XElement(dc + "title", title), new XElement(dc + "creator", "PolicyIngest"), new XElement(dc + "description", ReportMarker.Consolidated)));
        using var stream = part.GetStream(FileMode.Create);
        xml.Save(stream);
    }

    private static Paragraph Para(string style, params Run[] runs)
    {
        var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        foreach (var r in runs) p.Append(r);
        return p;
    }

    private static Run Run(string text, bool bold = false)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        // Line breaks inside a clause (款 joined by \n) become Word line breaks.
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    private static Styles Styles()
    {
        static Style Paragraph(string id, string name, StyleParagraphProperties paragraph, StyleRunProperties run) =>
            new(new StyleName { Val = name }, new PrimaryStyle(), paragraph, run) { Type = StyleValues.Paragraph, StyleId = id, CustomStyle = id != "Normal" };
        static RunFonts Fonts(string eastAsia) => new() { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = eastAsia };
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts("宋体"), new FontSize { Val = "24" }, new Languages { EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto }))),
            Paragraph("Normal", "Normal", new StyleParagraphProperties(), new StyleRunProperties()),
            Paragraph(TitleStyle, "整理版标题", new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts("黑体"), new FontSize { Val = "36" })),
            Paragraph(AboutStyle, "整理版说明", new StyleParagraphProperties(),
                new StyleRunProperties(new Color { Val = "555555" }, new FontSize { Val = "18" })),
            Paragraph(HeadingStyle, "整理版章节", new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts("黑体"))),
            Paragraph(ClauseStyle, "条文", new StyleParagraphProperties(new Indentation { FirstLineChars = 200, FirstLine = "480" }, new Justification { Val = JustificationValues.Both }),
                new StyleRunProperties()),
            Paragraph(NoteStyle, "编注", new StyleParagraphProperties(
                    new KeepLines(),
                    new ParagraphBorders(new LeftBorder { Val = BorderValues.Single, Size = 18, Color = "B08800", Space = 4 }),
                    new Shading { Val = ShadingPatternValues.Clear, Fill = "FDF6E3", Color = "auto" },
                    new SpacingBetweenLines { After = "120" },
                    new Indentation { Left = "480" }),
                new StyleRunProperties(Fonts("楷体"), new Color { Val = "6B5200" }, new FontSize { Val = "21" })));
    }
}
