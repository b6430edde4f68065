using System.CommandLine;
using PolicyIngest.Catalogue;
using PolicyIngest.Core.Json;
using PolicyIngest.Track;

namespace PolicyIngest.Cli.Commands;

public static class ChangesCommand
{
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "changes since this date (yyyy-MM-dd; default 7 days before --as-of)" };
        var asOf = AsOfOption.Create();
        var expiring = new Option<int?>("--expiring-within") { Description = "also list policies in force whose validity ends within N days" };
        var command = new Command("changes", "what changed in the catalogue: new, revised, repealed, expired, with report paths");
        command.Options.Add(since);
        command.Options.Add(asOf);
        command.Options.Add(expiring);
        command.SetAction((parse, ct) =>
        {
            var ctx = new CliContext(parse);
            if (AsOfOption.Resolve(ctx, parse.GetValue(asOf)) is not { } date) return Task.FromResult(ExitCodes.Usage);
            var sinceText = parse.GetValue(since);
            DateOnly from;
            if (sinceText is null) from = date.AddDays(-7);
            else if (!AsOfOption.TryParseDate(sinceText, out from))
            {
                ctx.Err.WriteLine($"error: --since {sinceText}: expected a date as yyyy-MM-dd");
                return Task.FromResult(ExitCodes.Usage);
            }
            if (!ctx.CatalogueExists) { ctx.Err.WriteLine($"error: no catalogue at {ctx.DbPath}"); return Task.FromResult(ExitCodes.BadInput); }
            using var catalogue = ctx.Services.OpenCatalogue();
            var store = new TrackStore(catalogue);
            var entries = ChangeLog.Collect(store, from, date);
            var soon = parse.GetValue(expiring) is { } days ? ValidityReport.Expiring(store, date, days) : [];
            if (ctx.Json)
            {
                ctx.Out.WriteLine(PolicyJson.Serialize(new
                {
                    since = from, asOf = date, changes = entries,
                    counts = entries.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count()),
                    expiring = soon.Select(e => new
                    {
                        policyId = e.Version.PolicyId, versionId = e.Version.Id, e.Version.Title, e.Version.DocNumber, e.ExpiresOn, e.DaysLeft,
                        e.Version.Status, e.Basis, expiresBasis = e.Validity?.ExpiresOn, changedBy = e.Validity?.ChangedBy,
                    }),
                }));
                return Task.FromResult(ExitCodes.Done);
            }
            ctx.Out.WriteLine($"changes {from:yyyy-MM-dd} … {date:yyyy-MM-dd}: " +
                              string.Join(", ", entries.GroupBy(e => e.Kind).Select(g => $"{g.Count()} {g.Key}")));
            foreach (var e in entries)
                ctx.Out.WriteLine($"  {e.Kind,-8} {e.Date} {e.VersionId} {e.Title} {e.DocNumber}{(e.Report is null ? "" : "\n           report: " + e.Report)}");
            if (parse.GetValue(expiring) is { } n)
            {
                ctx.Out.WriteLine($"expiring within {n} days: {soon.Count}");
                foreach (var e in soon)
                {
                    ctx.Out.WriteLine($"  {e.ExpiresOn:yyyy-MM-dd} (还有 {e.DaysLeft} 天) {e.Version.Id} {e.Version.Title} {e.Version.DocNumber}");
                    ctx.Out.WriteLine($"      依据：{e.Basis}");
                }
            }
            return Task.FromResult(ExitCodes.Done);
        });
        return command;
    }
}
