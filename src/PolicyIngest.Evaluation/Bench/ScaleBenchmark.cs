using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PolicyIngest.Catalogue;
using PolicyIngest.Cli;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Evaluation.Search;
using PolicyIngest.Ingest;
using PolicyIngest.Search;

namespace PolicyIngest.Evaluation.Bench;

/// <summary>
/// `bench scale`: whether one file's ingest cost grows with the catalogue (issue #20). Builds a synthetic catalogue of
/// N policies (default 20,000, about 1,000,000 clauses) on SQLite through <see cref="IngestService.Store"/> — linking,
/// rendition checks, the version tracker and its reports, the change log the search index follows — from the real clauses and amounts of
/// the shared texts, and prints the ingest rate of the first and of the last 1,000 documents, the total time, the
/// size on disk and search latency on the built catalogue. With <c>--postgres URL</c> the same stream is built on SQLite
/// and then on that PostgreSQL database, and the two are printed side by side. Reading and structuring a file cost the same at any catalogue size and are left out: the documents
/// are built before they are timed.
/// </summary>
/// <remarks>
/// The stream mixes what a real feed brings: new policies, revisions of earlier ones (same title and issuer, a new
/// 发文字号, some clauses replaced), the same text again as another file (identical words, or with a printed page
/// number: a rendition judged by similarity), documents that repeal an earlier policy (…同时废止《…》), and documents
/// that repeal one that arrives only later.
/// </remarks>
public sealed class ScaleBenchmark : IMeasurement
{
    private const int Window = 1_000;

    private static readonly Option<int> PoliciesOption = new("--policies")
    {
        Description = "synthetic policies to ingest (about 50 clauses each)",
        DefaultValueFactory = _ => 20_000,
    };

    private static readonly string[] Regions =
    [
        "北京市", "北京市怀柔区", "北京市朝阳区", "北京市海淀区", "北京市丰台区", "北京市昌平区", "北京市顺义区", "北京市大兴区", "北京市通州区",
        "北京市石景山区", "北京市门头沟区", "北京市房山区", "北京市平谷区", "北京市密云区", "北京市延庆区", "北京经济技术开发区",
        "上海市浦东新区", "天津市滨海新区", "深圳市南山区", "杭州市余杭区", "苏州工业园区", "广州市黄埔区", "成都高新区", "武汉东湖高新区",
    ];

    private static readonly string[] Issuers = ["经济和信息化局", "发展和改革委员会", "科学技术委员会", "财政局", "人民政府办公室", "商务局", "人力资源和社会保障局"];

    private static readonly string[] Topics = ["集成电路", "生物医药", "人工智能", "新能源汽车", "数字经济", "文化旅游", "现代农业", "医疗器械", "商业航天", "绿色低碳", "科技创新", "人才引进"];

    private static readonly string[] Kinds = ["产业发展扶持办法", "高质量发展若干措施", "发展的实施意见", "专项资金管理办法", "产业政策导引", "企业稳增长若干措施"];

    public string Name => "scale";
    public string Description => "ingest rate of the first vs the last 1,000 documents of a synthetic catalogue of N policies (default 20,000), total time, size";
    private static readonly Option<string?> PostgresOption = new("--postgres")
    {
        Description = "also build the same catalogue on this empty PostgreSQL database (postgresql://USER@HOST:PORT/DB) and print both engines side by side",
    };

    public IReadOnlyList<Option> Options => [PoliciesOption, PostgresOption];

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var o = context.Out;
        var policies = context.Parse.GetValue(PoliciesOption);
        if (policies < 2 * Window)
        {
            context.Err.WriteLine($"bench scale: --policies must be at least {2 * Window:N0} (the first and the last {Window:N0} are compared)");
            return ExitCodes.Usage;
        }
        var dir = Directory.CreateTempSubdirectory("policyingest-bench-scale-").FullName;
        try
        {
            var targets = new List<(string Db, string? DataDirectory)>();
            var primary = context.DbPathOrDefault(Path.Combine(dir, "scale.db"));
            // A PostgreSQL catalogue's local folders (reports, the Lucene index) go to the benchmark's own folder.
            targets.Add((primary, CatalogueAddress.IsPostgres(primary) ? Path.Combine(dir, "pg-data") : null));
            if (context.Parse.GetValue(PostgresOption) is { } postgres)
            {
                if (!CatalogueAddress.IsPostgres(postgres) || CatalogueAddress.IsPostgres(primary))
                {
                    context.Err.WriteLine("bench scale: --postgres takes a postgresql:// address and compares it with a SQLite catalogue (leave --db out or give a SQLite path)");
                    return ExitCodes.Usage;
                }
                targets.Add((postgres, Path.Combine(dir, "pg-data")));
            }
            foreach (var (db, data) in targets)
            {
                if (CatalogueAddress.IsPostgres(db) ? NotEmpty(db, data) : File.Exists(db))
                {
                    context.Err.WriteLine($"bench scale: {db} {(CatalogueAddress.IsPostgres(db) ? "holds a catalogue" : "exists")}; the benchmark builds a new catalogue: give a new {(CatalogueAddress.IsPostgres(db) ? "database" : "path")}");
                    return ExitCodes.Usage;
                }
            }
            var pool = ClausePool.Read(context, cancellationToken);
            o.WriteLine($"source: {pool.Count:N0} clauses ({pool.WithAmounts:N0} with amounts) of {pool.Files} shared texts, recombined into synthetic policies");
            WarmUp(context, pool, Path.Combine(dir, "warm-up", "warm-up.db"));
            // The cluster phase runs first, on the still empty PostgreSQL catalogue: each scheduler node brings its own
            // search index up to the catalogue after a run that wrote, which on a full one is minutes of catching up.
            IReadOnlyList<(int Nodes, double FilesPerFiring)>? cluster = null;
            if (targets.FirstOrDefault(t => CatalogueAddress.IsPostgres(t.Db)) is { Db: { } pg })
            {
                o.WriteLine($"cluster: scheduler nodes on the PostgreSQL catalogue before the build ({ClusterBenchmark.Documents} policies it adds are counted below)");
                cluster = ClusterBenchmark.MeasureAsync(context, pg, cancellationToken).GetAwaiter().GetResult();
            }
            var figures = targets.Select(t => Build(context, pool, policies, t.Db, t.DataDirectory, cancellationToken)).ToList();
            if (figures.Count > 1) PrintSideBySide(o, figures, cluster);
            return ExitCodes.Done;
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>What one engine's build and search measured, for the side-by-side table.</summary>
    private sealed record EngineFigures(string Engine, double FirstDocs, double LastDocs, double TotalSeconds, double CatalogueMiB,
        double ReportsMiB, double IndexDocsPerSecond, SearchLoad.Figures OneClient, SearchLoad.Figures EightClients, int Unexpected);

    /// <summary>The same synthetic stream (same seed) into one catalogue, timed document by document, then its search.</summary>
    private static EngineFigures Build(CliContext context, ClausePool pool, int policies, string dbPath, string? dataDirectory, CancellationToken cancellationToken)
    {
        var o = context.Out;
        var postgres = CatalogueAddress.IsPostgres(dbPath);
        var engine = postgres ? "PostgreSQL" : "SQLite";
        using var catalogue = new CatalogueStore(dbPath, dataDirectory);
        o.WriteLine($"catalogue: {(postgres ? "PostgreSQL " + CatalogueAddress.Parse(dbPath).DataFolderName : "SQLite " + dbPath)}");
        var ingest = context.Services.CreateIngest(catalogue);
        var stream = new SyntheticStream(pool, new Random(20260120));
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var unexpected = new List<string>();
        var times = new double[policies];
        var clauses = new int[policies];
        var total = Stopwatch.StartNew();
        var timed = TimeSpan.Zero;
        for (var i = 0; i < policies; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (document, kind) = stream.Next();
            var sw = Stopwatch.StartNew();
            var result = ingest.Store(document);
            sw.Stop();
            timed += sw.Elapsed;
            times[i] = sw.Elapsed.TotalSeconds;
            clauses[i] = document.Clauses.Count + document.Parts.Sum(p => p.Clauses.Count);
            var key = $"{kind}→{result.OutcomeId}";
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
            // The same text again must stay a file of its version; anything else is a false revision worth reading.
            if (kind is "same-words" or "rendition" && result.Outcome != IngestOutcome.Unchanged)
                unexpected.Add($"{document.Source} ({kind}) → {result.OutcomeId} {result.VersionId}: {result.LinkReason ?? result.Error}");
            if ((i + 1) % 1000 == 0)
                context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {engine}: {i + 1:N0} documents, {total.Elapsed.TotalSeconds:0} s; last 1,000: {Window / times[(i + 1 - Window)..(i + 1)].Sum():0.0} docs/s"));
        }
        total.Stop();
        if (!postgres) ClauseSearchStore.Checkpoint(catalogue);
        var counts = catalogue.Counts();
        var size = catalogue.StorageBytes();
        var reportsFolder = Path.Combine(catalogue.DataDirectory, CatalogueLayout.Reports);
        var reports = Directory.Exists(reportsFolder) ? Directory.EnumerateFiles(reportsFolder).Sum(f => new FileInfo(f).Length) : 0;

        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"catalogue: {counts.Policies:N0} policies, {counts.Versions:N0} versions, {counts.Clauses:N0} clauses, {counts.Amounts:N0} amounts from {policies:N0} documents"));
        o.WriteLine("documents: " + string.Join(", ", outcomes.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value:N0}")));
        o.WriteLine($"same text again kept as a new version: {unexpected.Count:N0}");
        foreach (var line in unexpected.Take(5)) o.WriteLine("  " + line);
        var first = Rate(times, clauses, 0);
        var last = Rate(times, clauses, policies - Window);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first {Window:N0} documents: {first.Docs:0.0} docs/s, {first.Clauses:N0} clauses/s"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"last {Window:N0} documents:  {last.Docs:0.0} docs/s, {last.Clauses:N0} clauses/s ({(last.Docs / first.Docs - 1) * 100:+0;-0}% vs the first; target within 20%)"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total: {total.Elapsed.TotalSeconds:0.0} s ({timed.TotalSeconds:0.0} s in ingest, {counts.Clauses / timed.TotalSeconds:N0} clauses/s overall)"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"disk: catalogue {size / 1048576.0:0.0} MiB ({size / (double)Math.Max(1, counts.Clauses):0} bytes/clause), 新旧对照 reports {reports / 1048576.0:0.0} MiB"));
        var (indexRate, one, eight) = MeasureSearch(context, catalogue, dbPath, dataDirectory, cancellationToken);
        return new EngineFigures(engine, first.Docs, last.Docs, total.Elapsed.TotalSeconds, size / 1048576.0, reports / 1048576.0, indexRate, one, eight, unexpected.Count);
    }

    private static void PrintSideBySide(TextWriter o, IReadOnlyList<EngineFigures> figures, IReadOnlyList<(int Nodes, double FilesPerFiring)>? cluster)
    {
        string Row(string name, Func<EngineFigures, string> cell) => $"{name,-34}" + string.Concat(figures.Select(f => $"{cell(f),16}"));
        string F(double d, string format) => d.ToString(format, CultureInfo.InvariantCulture);
        o.WriteLine();
        o.WriteLine(Row("side by side", f => f.Engine));
        o.WriteLine(Row("first 1,000 documents (docs/s)", f => F(f.FirstDocs, "0.0")));
        o.WriteLine(Row("last 1,000 documents (docs/s)", f => F(f.LastDocs, "0.0")));
        o.WriteLine(Row("last vs first (target within 20%)", f => F((f.LastDocs / f.FirstDocs - 1) * 100, "+0;-0") + "%"));
        o.WriteLine(Row("total build (s)", f => F(f.TotalSeconds, "0")));
        o.WriteLine(Row("catalogue on disk (MiB)", f => F(f.CatalogueMiB, "0")));
        o.WriteLine(Row("change reports (MiB)", f => F(f.ReportsMiB, "0")));
        o.WriteLine(Row("same text kept as a new version", f => F(f.Unexpected, "0")));
        o.WriteLine(Row("lucene build (documents/s)", f => F(f.IndexDocsPerSecond, "N0")));
        o.WriteLine(Row("search 1 client p50 / p95 (ms)", f => $"{F(f.OneClient.P50, "0.0")} / {F(f.OneClient.P95, "0.0")}"));
        o.WriteLine(Row("search 8 clients p50 / p95 (ms)", f => $"{F(f.EightClients.P50, "0.0")} / {F(f.EightClients.P95, "0.0")}"));
        o.WriteLine(Row("search 8 clients (searches/s)", f => F(f.EightClients.QueriesPerSecond, "0")));
        if (cluster is { Count: > 0 })
            o.WriteLine(Row($"files per firing ({ClusterBenchmark.Documents} URLs), " + string.Join(" / ", cluster.Select(c => $"{c.Nodes}")) + " nodes",
                f => f.Engine == "PostgreSQL" ? string.Join(" / ", cluster.Select(c => F(c.FilesPerFiring, "0.0"))) : "one node"));
    }

    /// <summary>The Lucene index built from the catalogue's change log, then the judged queries under 1 and under 8 concurrent clients.</summary>
    private static (double IndexRate, SearchLoad.Figures One, SearchLoad.Figures Eight) MeasureSearch(CliContext context, CatalogueStore catalogue,
        string dbPath, string? dataDirectory, CancellationToken cancellationToken)
    {
        var o = context.Out;
        using var index = LuceneClauseIndex.Open(catalogue.SearchIndexPath, context.Services.Analyzer);
        var clock = Stopwatch.StartNew();
        var built = index.CatchUp(new CatalogueClauseFeed(catalogue), null, cancellationToken);
        var rate = built.DocumentsWritten / Math.Max(0.001, clock.Elapsed.TotalSeconds);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lucene index: {built.DocumentsWritten:N0} clause documents written (a version whose status changed is written again) in {clock.Elapsed.TotalSeconds:0.0} s = {rate:N0} documents/s, {Directory.EnumerateFiles(catalogue.SearchIndexPath).Sum(f => new FileInfo(f).Length) / 1048576.0:0.0} MiB"));
        var queries = Qrels.Load(SearchCorpus.QrelsPath(context)).Select(q => q.Query).ToList();
        var figures = new[] { 1, 8 }.Select(clients =>
        {
            var f = SearchLoad.Measure(() => new CatalogueStore(dbPath, dataDirectory),
                c => new LuceneSearchIndex(c, index, PolicyIngestServices.ShippedQuery(index)), queries, context.Today, clients, 2, cancellationToken);
            o.WriteLine(SearchLoad.Describe("search", f));
            return f;
        }).ToList();
        return (rate, figures[0], figures[1]);
    }

    private static bool NotEmpty(string url, string? dataDirectory)
    {
        using var catalogue = new CatalogueStore(url, dataDirectory);
        return catalogue.Counts().Versions > 0;
    }

    /// <summary>
    /// The segmenter's load and the JIT's compilations are no cost of the catalogue's size: paid on a throwaway catalogue
    /// before the first measured document. A thousand documents, as many as one measured window: after 300 the first
    /// window still ran at 87 docs/s on SQLite against 90–112 for every later window of 20,000 (most likely the tiered JIT
    /// still compiling the paths of reports and repeals; not verified).
    /// </summary>
    private static void WarmUp(CliContext context, ClausePool pool, string path)
    {
        using (var catalogue = new CatalogueStore(path))
        {
            var ingest = context.Services.CreateIngest(catalogue);
            var stream = new SyntheticStream(pool, new Random(7));
            for (var i = 0; i < Window; i++) ingest.Store(stream.Next().Document);
        }
    }

    private static (double Docs, double Clauses) Rate(double[] times, int[] clauses, int from)
    {
        var seconds = times.AsSpan(from, Window).ToArray().Sum();
        return (Window / seconds, clauses.AsSpan(from, Window).ToArray().Sum() / seconds);
    }

    /// <summary>A clause of a shared text with the amounts found in it.</summary>
    private sealed record PooledClause(Clause Clause, IReadOnlyList<MonetaryAmount> Amounts);

    /// <summary>Every clause of the shared texts (seeds, revisions, real), read through the real pipeline.</summary>
    private sealed class ClausePool(List<PooledClause> clauses, int files)
    {
        public int Count => clauses.Count;
        public int Files => files;
        public int WithAmounts => clauses.Count(c => c.Amounts.Count > 0);
        public PooledClause this[int i] => clauses[i];

        public static ClausePool Read(CliContext context, CancellationToken cancellationToken)
        {
            var processor = context.Services.CreateProcessor(context.ReadOptions);
            var list = new List<PooledClause>();
            var files = 0;
            foreach (var file in SearchCorpus.Files(context))
            {
                PolicyDocument document;
                try { document = processor.Process(File.ReadAllBytes(file), file, cancellationToken); }
                catch (UnreadableDocumentException) { continue; }
                files++;
                foreach (var part in new[] { document }.Concat(document.Parts))
                {
                    var amounts = part.Amounts.ToLookup(a => a.ClauseId, StringComparer.Ordinal);
                    list.AddRange(part.Clauses.Where(c => c.Text.Length >= 8).Select(c => new PooledClause(c, amounts[c.Id].ToList())));
                }
            }
            return new ClausePool(list, files);
        }
    }

    /// <summary>The documents a feed brings, in arrival order; deterministic for a seed.</summary>
    private sealed class SyntheticStream(ClausePool pool, Random random)
    {
        /// <summary>A policy's latest text: its metadata and which pool clauses it holds.</summary>
        private sealed record Text(string Title, string Issuer, string Region, string DocNumber, DateOnly IssuedOn, int[] Clauses)
        {
            /// <summary>The policy this text repeals in its last article (…同时废止《…》), if any.</summary>
            public Text? Repeals { get; init; }
        }

        private readonly List<Text> _latest = [];
        private readonly Queue<(int Due, Text Policy)> _announced = new();
        private int _serial;
        private int _count;

        public (PolicyDocument Document, string Kind) Next()
        {
            var n = _count++;
            if (_announced.TryPeek(out var due) && due.Due <= n)
            {
                _announced.Dequeue();
                _latest.Add(due.Policy);
                return (Document(due.Policy, n, SourceFormat.Docx), "repealed-earlier");
            }
            var roll = _latest.Count < 50 ? 0 : random.NextDouble();
            if (roll < 0.70)
            {
                var policy = NewPolicy();
                _latest.Add(policy);
                return (Document(policy, n, SourceFormat.Docx), "new");
            }
            var at = random.Next(_latest.Count);
            var old = _latest[at];
            if (roll < 0.82)
            {
                var revised = old with
                {
                    Repeals = null,
                    DocNumber = DocNumber(old.Issuer, old.IssuedOn.Year + 2),
                    IssuedOn = old.IssuedOn.AddDays(random.Next(365, 3 * 365)),
                    Clauses = old.Clauses.Select(c => random.Next(5) == 0 ? random.Next(pool.Count) : c).ToArray(),
                };
                _latest[at] = revised;
                return (Document(revised with { Title = old.Title + "（修订）" }, n, SourceFormat.Docx), "revision");
            }
            if (roll < 0.87) return (Document(old, n, SourceFormat.Pdf), "same-words");
            if (roll < 0.90) return (Document(old, n, SourceFormat.Pdf, pageNumber: true), "rendition");
            if (roll < 0.96)
            {
                var repealer = NewPolicy(old.IssuedOn.AddDays(random.Next(30, 720))) with { Repeals = old };
                _latest.Add(repealer);
                return (Document(repealer, n, SourceFormat.Docx), "repeals-earlier");
            }
            // Repeals a policy that arrives later: announced now, due within the next few hundred documents.
            var later = NewPolicy();
            _announced.Enqueue((n + random.Next(50, 500), later));
            var announcing = NewPolicy(later.IssuedOn.AddDays(random.Next(30, 720))) with { Repeals = later };
            _latest.Add(announcing);
            return (Document(announcing, n, SourceFormat.Docx), "repeals-later");
        }

        private Text NewPolicy(DateOnly? issued = null)
        {
            var region = Regions[random.Next(Regions.Length)];
            var issuer = region + Issuers[random.Next(Issuers.Length)];
            var issuedOn = issued ?? new DateOnly(2012, 1, 1).AddDays(random.Next(12 * 365));
            var title = $"{region}{Topics[random.Next(Topics.Length)]}{Kinds[random.Next(Kinds.Length)]}（第{++_serial}批）";
            var clauses = Enumerable.Range(0, random.Next(25, 76)).Select(_ => random.Next(pool.Count)).ToArray();
            return new Text(title, issuer, region, DocNumber(issuer, issuedOn.Year), issuedOn, clauses);
        }

        private string DocNumber(string issuer, int year) => $"{issuer[..2]}发〔{year}〕{++_serial}号";

        private PolicyDocument Document(Text t, int n, SourceFormat format, bool pageNumber = false)
        {
            var clauses = new List<Clause>(t.Clauses.Length + 2);
            var amounts = new List<MonetaryAmount>();
            for (var i = 0; i < t.Clauses.Length; i++)
            {
                var pooled = pool[t.Clauses[i]];
                var id = $"art{i + 1}";
                var label = $"第{ChineseNumber(i + 1)}条";
                clauses.Add(pooled.Clause with { Id = id, Kind = ClauseKind.Article, Label = label, Path = [label] });
                amounts.AddRange(pooled.Amounts.Select(a => a with { ClauseId = id, Article = label }));
                // A printed page number between two articles: words only a rendition's reader kept.
                if (pageNumber && i == t.Clauses.Length / 2)
                    clauses.Add(new Clause { Id = "p1", Kind = ClauseKind.Paragraph, Label = "", Path = [], Text = "- 3 -" });
            }
            List<DocRef> repealed = [];
            if (t.Repeals is { } repeals)
            {
                var sentence = $"本办法自印发之日起施行，《{repeals.Title}》（{repeals.DocNumber}）同时废止。";
                var label = $"第{ChineseNumber(t.Clauses.Length + 1)}条";
                clauses.Add(new Clause { Id = $"art{t.Clauses.Length + 1}", Kind = ClauseKind.Article, Label = label, Path = [label], Text = sentence });
                repealed.Add(new DocRef(repeals.Title, repeals.DocNumber, sentence));
            }
            var extension = format == SourceFormat.Pdf ? "pdf" : "docx";
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"scale-{n}")));
            return new PolicyDocument
            {
                Source = $"https://example.gov.cn/scale/{n:D6}.{extension}", Sha256 = sha, Format = format, DocType = DocType.Policy,
                Title = t.Title, DocNumber = t.DocNumber, Issuer = t.Issuer, Issuers = [t.Issuer], Region = t.Region, IssuedOn = t.IssuedOn,
                Repeals = repealed, Clauses = clauses, Amounts = amounts,
            };
        }

        private static string ChineseNumber(int n)
        {
            const string digits = "零一二三四五六七八九";
            if (n < 10) return digits[n].ToString();
            if (n < 20) return "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
            if (n < 100) return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
            return n.ToString(CultureInfo.InvariantCulture);   // no synthetic policy has 100 articles
        }
    }
}
