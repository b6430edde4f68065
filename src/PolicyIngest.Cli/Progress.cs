using System.Text;
using Spectre.Console;

namespace PolicyIngest.Cli;

/// <summary>How far a long command is: items done, of how many (null while unknown), and the one in hand.</summary>
public readonly record struct ProgressStep(int Done, int? Total = null, string? Item = null);

/// <summary>
/// The one progress bar of every long command (ingest, run, evaluate, bench). Shown on stderr, and only when stderr is
/// a terminal and no --json was asked for; otherwise the work runs with a reporter that does nothing, so stdout and
/// everything a redirected run prints stay byte for byte what they are without it. Services never see Spectre: they
/// report through <see cref="IProgress{T}"/> of <see cref="ProgressStep"/>.
/// </summary>
public static class ConsoleProgress
{
    /// <summary>Whether a bar is shown: stderr is a terminal, and the command prints no JSON.</summary>
    public static bool Shown(bool json) => !json && !Console.IsErrorRedirected;

    /// <summary>
    /// Runs <paramref name="work"/> under a bar labelled <paramref name="label"/> when <see cref="Shown"/>. While the bar
    /// is up, lines written to <see cref="Console.Out"/> (when it is the terminal too) and <see cref="Console.Error"/>
    /// are printed above it: make the command's <see cref="CliContext"/> inside <paramref name="work"/>.
    /// </summary>
    public static T Run<T>(bool json, string label, int? total, Func<IProgress<ProgressStep>, T> work) =>
        Shown(json)
            ? RunAsync(label, total, p => Task.FromResult(work(p))).GetAwaiter().GetResult()
            : work(Silent.Instance);

    public static Task<T> RunAsync<T>(bool json, string label, int? total, Func<IProgress<ProgressStep>, Task<T>> work) =>
        Shown(json) ? RunAsync(label, total, work) : work(Silent.Instance);

    private static async Task<T> RunAsync<T>(string label, int? total, Func<IProgress<ProgressStep>, Task<T>> work)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        var above = new AboveTheBar(console);
        if (!Console.IsOutputRedirected) Console.SetOut(above);
        Console.SetError(above);
        try
        {
            return await console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                    new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape(label), maxValue: Math.Max(total ?? 1, 1));
                    task.IsIndeterminate = total is null;
                    return await work(new Reporter(task, label));
                });
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    private sealed class Reporter(ProgressTask task, string label) : IProgress<ProgressStep>
    {
        public void Report(ProgressStep step)
        {
            if (step.Total is { } total)
            {
                task.MaxValue = Math.Max(total, 1);
                task.IsIndeterminate = false;
            }
            task.Value = Math.Min(step.Done, task.MaxValue);
            var counted = step.Total is { } t ? $"{label} {step.Done}/{t}" : $"{label} {step.Done}";
            task.Description = Markup.Escape(step.Item is { } item ? $"{counted} {Shorten(Path.GetFileName(item.TrimEnd('/')))}" : counted);
        }

        private static string Shorten(string s) => s.Length <= 32 ? s : s[..31] + "…";
    }

    /// <summary>What the work reports when no bar is shown: nothing.</summary>
    private sealed class Silent : IProgress<ProgressStep>
    {
        public static readonly Silent Instance = new();
        public void Report(ProgressStep value) { }
    }

    /// <summary>Lines the command prints while the bar is up, written above the bar (whole lines; plain text, no markup).</summary>
    private sealed class AboveTheBar(IAnsiConsole console) : TextWriter
    {
        private readonly StringBuilder _line = new();
        private readonly Lock _gate = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_gate)
            {
                if (value == '\n')
                {
                    console.Write(new Text(_line.ToString().TrimEnd('\r') + "\n"));
                    _line.Clear();
                }
                else _line.Append(value);
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "") Write(c);
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write('\n');
        }

        public override void Flush()
        {
            lock (_gate)
            {
                if (_line.Length == 0) return;
                console.Write(new Text(_line.ToString()));
                _line.Clear();
            }
        }
    }
}
