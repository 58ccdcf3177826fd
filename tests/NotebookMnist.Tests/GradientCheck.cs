using System.Globalization;
using NotebookMnist;

namespace NotebookMnist.Tests;

/// <summary>Central finite differences in float64, the oracle for every analytic gradient (micrograd's "test against an oracle").</summary>
internal static class GradientCheck
{
    /// <summary>The relative tolerance the issue asks for.</summary>
    public const double RelativeTolerance = 1e-3;

    /// <summary>∂f/∂xᵢ ≈ (f(x + h eᵢ) − f(x − h eᵢ)) / 2h for every i.</summary>
    public static double[] Numeric(Func<double[], double> f, double[] x, double h = 1e-6)
    {
        var approx = new double[x.Length];
        var probe = (double[])x.Clone();
        for (int i = 0; i < x.Length; i++)
        {
            probe[i] = x[i] + h;
            double plus = f(probe);
            probe[i] = x[i] - h;
            double minus = f(probe);
            probe[i] = x[i];
            approx[i] = (plus - minus) / (2 * h);
        }
        return approx;
    }

    /// <summary>Asserts |exact − approx| ≤ tol · max(|exact|, |approx|) + floor for every element; the failure shows exact / approx / maxdiff.</summary>
    public static void AssertClose(double[] exact, double[] approx, double relativeTolerance = RelativeTolerance,
        double absoluteFloor = 1e-9)
    {
        Assert.Equal(exact.Length, approx.Length);
        double maxDiff = 0, worstRelative = 0;
        int worst = -1;
        for (int i = 0; i < exact.Length; i++)
        {
            double diff = Math.Abs(exact[i] - approx[i]);
            maxDiff = Math.Max(maxDiff, diff);
            double scale = Math.Max(Math.Abs(exact[i]), Math.Abs(approx[i]));
            bool ok = diff <= relativeTolerance * scale + absoluteFloor;
            double relative = diff / Math.Max(scale, double.Epsilon);
            if (!ok && relative >= worstRelative)
            {
                worstRelative = relative;
                worst = i;
            }
        }
        Assert.True(worst < 0,
            $"gradient check failed at index {worst}: exact={Format(exact[Math.Max(worst, 0)])}, " +
            $"approx={Format(approx[Math.Max(worst, 0)])}, relerr={worstRelative:G3}, maxdiff={maxDiff:G3}\n" +
            $"exact:  [{string.Join(", ", exact.Select(Format))}]\napprox: [{string.Join(", ", approx.Select(Format))}]");
    }

    private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>Seeded random test data.</summary>
internal static class SeededArrays
{
    public const int Seed = 20230828;

    public static double[] Uniform(Random random, int length, double low, double high) =>
        Enumerable.Range(0, length).Select(_ => low + (high - low) * random.NextDouble()).ToArray();

    public static double[] Normal(Random random, int length, double scale = 1) =>
        Enumerable.Range(0, length)
            .Select(_ => scale * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))
            .ToArray();

    public static double[] OneHot(Random random, int rows, int classes, out int[] labels)
    {
        var result = new double[rows * classes];
        labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            labels[i] = random.Next(classes);
            result[i * classes + labels[i]] = 1;
        }
        return result;
    }

    public static Matrix ToMatrix(double[] values, int cols) =>
        new(values.Length / cols, cols, values.Select(v => (float)v).ToArray());
}
