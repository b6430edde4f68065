using PolicyIngest.Classify.Training;

namespace PolicyIngest.Classify.Tests;

public class LbfgsTest
{
    [Fact]
    public void Minimize_Quadratic_FindsCentre()
    {
        // f(x) = Σ (i+1)(x_i − i)²: minimum at x_i = i, differently scaled axes.
        static double F(ReadOnlySpan<double> x, Span<double> g)
        {
            double f = 0;
            for (var i = 0; i < x.Length; i++)
            {
                f += (i + 1) * (x[i] - i) * (x[i] - i);
                g[i] = 2 * (i + 1) * (x[i] - i);
            }
            return f;
        }
        var result = new Lbfgs().Minimize(F, new double[10]);
        Assert.True(result.Converged);
        for (var i = 0; i < 10; i++) Assert.Equal(i, result.Minimum[i], 4);
    }

    [Fact]
    public void Minimize_Rosenbrock_ReachesOneOne()
    {
        static double F(ReadOnlySpan<double> x, Span<double> g)
        {
            var a = 1 - x[0];
            var b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        }
        var result = new Lbfgs(maxIterations: 2000, gradientTolerance: 1e-8, relativeDecrease: 0).Minimize(F, [-1.2, 1.0]);
        Assert.Equal(1.0, result.Minimum[0], 3);
        Assert.Equal(1.0, result.Minimum[1], 3);
    }

    [Fact]
    public void Minimize_SameObjective_SameBits()
    {
        static double F(ReadOnlySpan<double> x, Span<double> g)
        {
            double f = 0;
            for (var i = 0; i < x.Length; i++) { f += Math.Cosh(x[i] - 0.3 * i); g[i] = Math.Sinh(x[i] - 0.3 * i); }
            return f;
        }
        var a = new Lbfgs().Minimize(F, new double[5]);
        var b = new Lbfgs().Minimize(F, new double[5]);
        Assert.Equal(a.Minimum, b.Minimum);
    }
}
