using System.CommandLine;
using Microsoft.Extensions.Hosting;
using PolicyIngest.Catalogue;
using PolicyIngest.Fetch;
using PolicyIngest.Fetch.Archive;
using PolicyIngest.Web;

namespace PolicyIngest.Cli.Commands;

public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"where to listen (default {WebOptions.DefaultUrls}; loopback only unless you name another address)",
            DefaultValueFactory = _ => WebOptions.DefaultUrls,
        };
        var command = new Command("serve", "the web UI and its JSON API (default http://127.0.0.1:5080)");
        command.Options.Add(urls);
        command.SetAction(async (parse, ct) =>
        {
            var ctx = new CliContext(parse);
            var listen = parse.GetValue(urls)!;
            var addresses = listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (addresses.Length == 0 || addresses.Any(a => !Uri.TryCreate(a, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https")))
            {
                ctx.Err.WriteLine($"error: --urls: expected http://HOST:PORT (separate several with ';'), got '{listen}'");
                return ExitCodes.Usage;
            }
            foreach (var a in addresses.Where(a => !PolicyWebApp.IsLoopback(a)))
                ctx.Err.WriteLine($"warning: {a} is not a loopback address: anyone who can reach it can read the catalogue");
            var app = PolicyWebApp.Build(new WebOptions(ctx.Services)
            {
                Urls = string.Join(';', addresses),
                ArchiveLookup = OriginalArchive.Lookup(ctx.Settings.ArchiveDirectory),
                LogRequests = true,
            });
            try
            {
                await app.StartAsync(ct);
            }
            catch (IOException ex)
            {
                ctx.Err.WriteLine($"error: cannot listen on {string.Join(", ", addresses)}: {ex.Message.Split('\n')[0]}");
                return ExitCodes.Usage;
            }
            ctx.Err.WriteLine($"serving {string.Join(", ", app.Urls)} (catalogue {ctx.DbPath}); Ctrl+C stops");
            // Ends on Ctrl+C or SIGTERM (the host's own console lifetime) as well as on the command's cancellation.
            try { await app.WaitForShutdownAsync(ct); }
            catch (OperationCanceledException) { }
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            return ExitCodes.Done;
        });
        return command;
    }
}

/// <summary>Where originals are archived, by SHA-256: the fetch archive next to the catalogue (<c>archive/ab/abcdef…</c>).</summary>
internal static class OriginalArchive
{
    public static Func<string, string?> Lookup(string root) => sha256 => sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(root, ContentArchive.RelativePathFor(sha256))
            : null;
}
