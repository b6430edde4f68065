namespace PolicyIngest.Classify.Training;

/// <summary>A differentiable objective: returns f(x) and writes ∇f(x) into <c>gradient</c>.</summary>
public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

public sealed record LbfgsResult(double[] Minimum, double Value, int Iterations, bool Converged);

/// <summary>
/// Limited-memory BFGS (Nocedal &amp; Wright, algorithm 7.4: two-loop recursion) with a backtracking Armijo line
/// search. Deterministic: no randomness, no parallelism, so the same objective gives the same minimum bit for bit.
/// </summary>
public sealed class Lbfgs(int memory = 10, int maxIterations = 300, double gradientTolerance = 1e-5, double relativeDecrease = 1e-9)
{
    public LbfgsResult Minimize(Objective objective, double[] start)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var fx = objective(x, g);

        var s = new double[memory][];
        var y = new double[memory][];
        var rho = new double[memory];
        var alpha = new double[memory];
        var stored = 0;
        var newest = -1;
        var direction = new double[n];
        var xNext = new double[n];
        var gNext = new double[n];

        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            if (Norm(g) <= gradientTolerance * Math.Max(1.0, Norm(x))) return new LbfgsResult(x, fx, iteration - 1, true);

            // direction = -H·g by the two-loop recursion over the stored (s, y) pairs.
            for (var i = 0; i < n; i++) direction[i] = -g[i];
            for (var k = 0; k < stored; k++)
            {
                var j = (newest - k + memory) % memory;
                alpha[j] = rho[j] * Dot(s[j], direction);
                Axpy(-alpha[j], y[j], direction);
            }
            if (stored > 0)
            {
                var gamma = Dot(s[newest], y[newest]) / Dot(y[newest], y[newest]);
                for (var i = 0; i < n; i++) direction[i] *= gamma;
            }
            for (var k = stored - 1; k >= 0; k--)
            {
                var j = (newest - k + memory) % memory;
                var beta = rho[j] * Dot(y[j], direction);
                Axpy(alpha[j] - beta, s[j], direction);
            }

            var slope = Dot(g, direction);
            if (slope >= 0)
            {
                // Not a descent direction (curvature information went stale): restart from steepest descent.
                for (var i = 0; i < n; i++) direction[i] = -g[i];
                slope = Dot(g, direction);
                stored = 0;
            }

            var step = stored == 0 ? Math.Min(1.0, 1.0 / Math.Max(Norm(g), 1e-12)) : 1.0;
            double fNext;
            var accepted = false;
            for (var tries = 0; tries < 40; tries++, step *= 0.5)
            {
                for (var i = 0; i < n; i++) xNext[i] = x[i] + step * direction[i];
                fNext = objective(xNext, gNext);
                if (fNext <= fx + 1e-4 * step * slope)
                {
                    accepted = true;
                    var decrease = fx - fNext;
                    newest = (newest + 1) % memory;
                    s[newest] ??= new double[n];
                    y[newest] ??= new double[n];
                    for (var i = 0; i < n; i++)
                    {
                        s[newest][i] = xNext[i] - x[i];
                        y[newest][i] = gNext[i] - g[i];
                    }
                    var sy = Dot(s[newest], y[newest]);
                    if (sy > 1e-12)
                    {
                        rho[newest] = 1.0 / sy;
                        stored = Math.Min(stored + 1, memory);
                    }
                    else newest = (newest - 1 + memory) % memory;
                    (x, xNext) = (xNext, x);
                    (g, gNext) = (gNext, g);
                    fx = fNext;
                    if (decrease <= relativeDecrease * Math.Max(1.0, Math.Abs(fx))) return new LbfgsResult(x, fx, iteration, true);
                    break;
                }
            }
            if (!accepted) return new LbfgsResult(x, fx, iteration, false);
        }
        return new LbfgsResult(x, fx, maxIterations, false);
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++) y[i] += a * x[i];
    }
}
