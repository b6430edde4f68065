using System.Globalization;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Evaluation.Search;

/// <summary>One graded judgment: the clause of <see cref="File"/> whose text contains <see cref="Substring"/> has relevance <see cref="Grade"/>.</summary>
public sealed record Judgment(int Grade, string File, string Substring);

/// <summary>An analyst query with its hand-written judgments (tests/search/qrels).</summary>
public sealed record QrelsQuery(string Id, string Query, string Kind, IReadOnlyList<Judgment> Judgments);

/// <summary>
/// Reads the qrels file: a query line <c>ID &lt;tab&gt; kind &lt;tab&gt; query</c>, then its judgment lines
/// <c>&lt;tab&gt; grade &lt;tab&gt; file &lt;tab&gt; distinctive substring</c>. '#' starts a comment line. Judgments name
/// clauses by file and text, never by clause id, so they survive changes of the structure parser.
/// </summary>
public static class Qrels
{
    public static IReadOnlyList<QrelsQuery> Load(string path)
    {
        var queries = new List<QrelsQuery>();
        string? id = null, kind = null, query = null;
        var judgments = new List<Judgment>();
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            if (raw.Length == 0 || raw.TrimStart().StartsWith('#')) continue;
            var fields = raw.Split('\t');
            if (raw[0] != '\t')
            {
                Flush();
                if (fields.Length != 3) throw new FormatException($"{path}:{lineNo}: a query line is ID<tab>kind<tab>query");
                (id, kind, query) = (fields[0], fields[1], fields[2]);
            }
            else
            {
                if (id is null || fields.Length != 4 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var grade))
                    throw new FormatException($"{path}:{lineNo}: a judgment line is <tab>grade<tab>file<tab>substring, after a query");
                judgments.Add(new Judgment(grade, fields[2], fields[3]));
            }
        }
        Flush();
        return queries;

        void Flush()
        {
            if (id is not null) queries.Add(new QrelsQuery(id, query!, kind!, judgments.ToArray()));
            judgments.Clear();
            id = null;
        }
    }

    /// <summary>
    /// Resolves judgments to clause row ids: every current clause of a version whose source ends with the file and whose
    /// text (as the index sees it: line breaks and pdftotext spaces dropped) contains the substring. Grades: the maximum.
    /// </summary>
    public static (Dictionary<long, int> Grades, List<Judgment> Unresolved) Resolve(
        QrelsQuery query, IReadOnlyList<(long RowId, string Source, string Text)> clauses, Dictionary<long, string> indexTexts)
    {
        var grades = new Dictionary<long, int>();
        var unresolved = new List<Judgment>();
        foreach (var j in query.Judgments)
        {
            var needle = IndexText.Of(j.Substring).Text;
            var found = false;
            foreach (var c in clauses)
            {
                if (!c.Source.Replace('\\', '/').EndsWith(j.File, StringComparison.Ordinal)) continue;
                if (!indexTexts.TryGetValue(c.RowId, out var text)) indexTexts[c.RowId] = text = IndexText.Of(c.Text).Text;
                if (!text.Contains(needle, StringComparison.Ordinal)) continue;
                grades[c.RowId] = Math.Max(grades.GetValueOrDefault(c.RowId), j.Grade);
                found = true;
            }
            if (!found) unresolved.Add(j);
        }
        return (grades, unresolved);
    }
}
