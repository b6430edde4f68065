using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Evaluation.Segmentation;

/// <summary>
/// Runs Debian's python jieba (<c>/usr/bin/python3</c>) on sentences with the same dictionaries, for the parity
/// measurement and the speed comparison. A measuring instrument, not part of the pipeline.
/// </summary>
public static class PythonJiebaReference
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Where Debian's python3-jieba lives (its dict.txt and finalseg tables are what models/jieba copies).</summary>
    public const string DebianJiebaDirectory = "/usr/lib/python3/dist-packages/jieba";

    // Reads {"dicts": [...], "sentences": [...], "repeat": n} on stdin; prints {"tokens": [[...]], "seconds": s}.
    // seconds is the time of the cutting alone (dictionary loading excluded), for the last of `repeat` rounds.
    private const string Script = """
        import sys, json, time, logging, tempfile, os
        import jieba
        jieba.setLogLevel(logging.WARNING)
        req = json.loads(sys.stdin.buffer.read().decode('utf-8'))
        t = jieba.Tokenizer(dictionary=jieba.DEFAULT_DICT)
        t.tmp_dir = tempfile.mkdtemp()
        t.initialize()
        for path in req['dicts']:
            lines = [l for l in open(path, encoding='utf-8').read().splitlines() if l.strip() and not l.lstrip('\ufeff').startswith('#')]
            fd, tmp = tempfile.mkstemp(suffix='.txt')
            with os.fdopen(fd, 'w', encoding='utf-8') as f:
                f.write('\n'.join(lines) + '\n')
            t.load_userdict(tmp)
            os.unlink(tmp)
        out = None
        seconds = 0.0
        for _ in range(max(1, req.get('repeat', 1))):
            start = time.perf_counter()
            out = [t.lcut(s, HMM=True) for s in req['sentences']]
            seconds = time.perf_counter() - start
        sys.stdout.buffer.write(json.dumps({'tokens': out, 'seconds': seconds}, ensure_ascii=False).encode('utf-8'))
        """;

    public sealed record Result(IReadOnlyList<IReadOnlyList<string>> Tokens, double Seconds);

    public static bool IsAvailable() => File.Exists(Python) && Directory.Exists(DebianJiebaDirectory);

    public static Result Cut(IReadOnlyList<string> sentences, IReadOnlyList<string> userDictionaries, int repeat = 1)
    {
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Script);
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + Python);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var request = JsonSerializer.SerializeToUtf8Bytes(new { dicts = userDictionaries, sentences, repeat });
        process.StandardInput.BaseStream.Write(request);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("python jieba did not finish in 5 minutes");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException("python jieba failed: " + stderr.Result);
        using var doc = JsonDocument.Parse(stdout.Result);
        var tokens = doc.RootElement.GetProperty("tokens").EnumerateArray()
            .Select(s => (IReadOnlyList<string>)s.EnumerateArray().Select(t => t.GetString()!).ToArray()).ToArray();
        return new Result(tokens, doc.RootElement.GetProperty("seconds").GetDouble());
    }
}
