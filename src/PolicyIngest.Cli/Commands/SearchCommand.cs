using PolicyIngest.Core;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PolicyIngest.Catalogue;
using PolicyIngest.Core.Json;
using PolicyIngest.Index.Search;
using PolicyIngest.Ingest;

namespace PolicyIngest.Cli.Commands;

/// <summary>`search QUERY [filters]`: clause-level full-text search over the catalogue (current versions unless --all-versions).</summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("QUERY") { Description = "words (AND), \"exact phrase\", a OR b, -exclude" };
        var region = new Option<string?>("--region") { Description = "region contains, e.g. 怀柔" };
        var issuer = new Option<string?>("--issuer") { Description = "issuing body contains" };
        var category = new Option<string?>("--category") { Description = "clause category id (taxonomy.md)" };
        var instrument = new Option<string?>("--instrument") { Description = "policy instrument id (taxonomy.md)" };
        var industry = new Option<string?>("--industry") { Description = "industry id (taxonomy.md)" };
        var status = new Option<string?>("--status") { Description = "in_force, amended, repealed, expired, not_yet_effective" };
        var minAmount = new Option<decimal?>("--min-amount") { Description = "clauses with an amount of at least YUAN" };
        var from = new Option<DateOnly?>("--from") { Description = "issued on or after DATE (yyyy-MM-dd)" };
        var to = new Option<DateOnly?>("--to") { Description = "issued on or before DATE (yyyy-MM-dd)" };
        var limit = new Option<int>("--limit") { Description = "hits to show", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "hits to skip (the next page: --offset 20)", DefaultValueFactory = _ => 0 };
        var allVersions = new Option<bool>("--all-versions") { Description = "include superseded versions" };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "compute status as of DATE (default today)" };
        var command = new Command("search", "clause-level full-text search");
        command.Arguments.Add(query);
        foreach (var o in new Option[] { region, issuer, category, instrument, industry, status, minAmount, from, to, limit, offset, allVersions, asOf })
            command.Options.Add(o);
        command.SetAction((parse, ct) =>
        {
            var ctx = new CliContext(parse);
            using var catalogue = ctx.Services.OpenCatalogue();
            var search = ctx.Services.CreateSearch(catalogue);
            var request = new SearchRequest
            {
                Query = parse.GetValue(query)!,
                Limit = parse.GetValue(limit),
                Offset = Math.Max(0, parse.GetValue(offset)),
                Filter = new ClauseFilter
                {
                    Region = parse.GetValue(region),
                    Issuer = parse.GetValue(issuer),
                    Category = parse.GetValue(category),
                    Instrument = parse.GetValue(instrument),
                    Industry = parse.GetValue(industry),
                    Status = parse.GetValue(status),
                    MinYuan = parse.GetValue(minAmount),
                    From = parse.GetValue(from),
                    To = parse.GetValue(to),
                    AllVersions = parse.GetValue(allVersions),
                    AsOf = parse.GetValue(asOf) ?? ctx.Today,
                },
            };
            var result = search.Search(request, ct);
            if (ctx.Json) ctx.Out.WriteLine(JsonSerializer.Serialize(ToJson(result), PolicyJson.Options));
            else PrintTable(ctx.Out, result, request.Offset);
            return Task.FromResult(ExitCodes.Done);
        });
        return command;
    }

    /// <summary>The `search --json` document of ../shared/spec/cli.md (shared with the web API).</summary>
    public static object ToJson(SearchResult r) => SearchResultJson.ToJson(r);

    private static void PrintTable(TextWriter o, SearchResult r, int offset)
    {
        var shown = r.Hits.Count == 0 ? "none" : offset == 0 ? r.Hits.Count.ToString(CultureInfo.InvariantCulture) : $"{offset + 1}–{offset + r.Hits.Count}";
        o.WriteLine($"{r.Total} clauses match “{r.Query}” ({r.TookMs.ToString("0.#", CultureInfo.InvariantCulture)} ms); showing {shown}");
        if (r.Relaxed) o.WriteLine("no clause has every word: showing clauses with most of them");
        var n = offset;
        foreach (var h in r.Hits)
        {
            n++;
            if (h.Partial && (n == offset + 1 || !r.Hits[n - offset - 2].Partial))
            {
                o.WriteLine();
                o.WriteLine("fewer clauses than the page holds have every word: these have all but one");
            }
            var where = string.Join(" · ", new[] { h.Region, h.DocNumber, h.Status }.Where(s => !string.IsNullOrEmpty(s)));
            o.WriteLine();
            o.WriteLine($"{n,3}. {h.Title}  [{where}]  score {h.Score.ToString("0.00", CultureInfo.InvariantCulture)}");
            o.WriteLine($"     {(h.Label.Length > 0 ? h.Label : h.ClauseId)}  {Plain(h.Snippet)}");
            if (h.Amounts.Count > 0)
                o.WriteLine("     ¥ " + string.Join("; ", h.Amounts.Select(a => $"{a.Text} ({a.Role})")));
        }
        foreach (var (facet, counts) in r.Facets)
        {
            o.WriteLine();
            o.WriteLine($"{facet}: " + string.Join("  ", counts.Take(12).Select(kv => $"{kv.Key} {kv.Value}")));
        }
    }

    private static string Plain(string snippet) =>
        snippet.Replace("<em>", "【", StringComparison.Ordinal).Replace("</em>", "】", StringComparison.Ordinal)
            .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
}
