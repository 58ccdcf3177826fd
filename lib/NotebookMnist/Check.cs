using System.Globalization;

namespace NotebookMnist;

/// <summary>Tiny assertions for notebook cells: a derivation ends by checking that it agrees with the library.</summary>
/// <remarks>
/// nbdev's <c>test_eq</c>/<c>test_fail</c> for C# notebooks. Each check returns a one-line "✓ …" text when it passes,
/// so it can be a cell's last expression, and throws <see cref="CheckFailedException"/> saying what was expected
/// and what was received when it fails (the runner then stops at that cell).
/// Introduced in notebooks/01-softmax.ipynb.
/// </remarks>
public static class Check
{
    /// <summary>The default tolerance of <see cref="Close(double, double, double)"/>: 1e-5, relative above 1.</summary>
    public const double DefaultTolerance = 1e-5;

    /// <summary>Checks that two numbers agree: |actual − expected| ≤ tolerance · max(1, |expected|).</summary>
    /// <exception cref="CheckFailedException">They differ by more, or either is NaN.</exception>
    public static string Close(double actual, double expected, double tolerance = DefaultTolerance)
    {
        double limit = Limit(expected, tolerance);
        double difference = Math.Abs(actual - expected);
        if (!(difference <= limit))
            throw new CheckFailedException(
                $"Expected {Format(expected)} within {Format(tolerance)}. Received: {Format(actual)} (difference {Format(difference)}).");
        return $"✓ close: {Format(actual)} vs {Format(expected)}";
    }

    /// <summary>Checks that two vectors (arrays, spans, matrix rows) have the same length and agree elementwise like <see cref="Close(double, double, double)"/>.</summary>
    /// <exception cref="CheckFailedException">The lengths differ, or an element differs by more than the tolerance.</exception>
    public static string Close(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, double tolerance = DefaultTolerance)
    {
        if (actual.Length != expected.Length)
            throw new CheckFailedException(
                $"Expected {expected.Length} values. Received: {actual.Length} values.");
        double worst = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double difference = Math.Abs((double)actual[i] - expected[i]);
            if (!(difference <= Limit(expected[i], tolerance)))
                throw new CheckFailedException(
                    $"Expected element [{i}] = {Format(expected[i])} within {Format(tolerance)}. " +
                    $"Received: {Format(actual[i])} (difference {Format(difference)}).");
            worst = Math.Max(worst, difference);
        }
        return $"✓ close: {actual.Length} values, max |difference| {Format(worst)}";
    }

    /// <summary>Checks that two values are equal (by <see cref="EqualityComparer{T}.Default"/>).</summary>
    /// <exception cref="CheckFailedException">They differ.</exception>
    public static string Equal<T>(T actual, T expected)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
            throw new CheckFailedException($"Expected {expected}. Received: {actual}.");
        return $"✓ equal: {actual}";
    }

    /// <summary>Checks that two sequences have the same elements in the same order.</summary>
    /// <exception cref="CheckFailedException">The lengths differ or an element differs.</exception>
    public static string SequenceEqual<T>(IEnumerable<T> actual, IEnumerable<T> expected)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        var a = actual.ToList();
        var e = expected.ToList();
        for (int i = 0; i < Math.Min(a.Count, e.Count); i++)
            if (!EqualityComparer<T>.Default.Equals(a[i], e[i]))
                throw new CheckFailedException($"Expected element [{i}] = {e[i]}. Received: {a[i]}.");
        if (a.Count != e.Count)
            throw new CheckFailedException($"Expected {e.Count} elements. Received: {a.Count} elements.");
        return $"✓ equal: [{string.Join(", ", a)}]";
    }

    /// <summary>Checks a condition, described by <paramref name="what"/> (e.g. "train loss &lt; 0.5").</summary>
    /// <exception cref="CheckFailedException">The condition is false.</exception>
    public static string True(bool condition, string what)
    {
        if (!condition)
            throw new CheckFailedException($"Expected {what}. Received: false.");
        return $"✓ {what}";
    }

    /// <summary>Checks that <paramref name="action"/> throws <typeparamref name="TException"/> (or a subclass) whose message contains <paramref name="contains"/>.</summary>
    /// <exception cref="CheckFailedException">Nothing was thrown, another exception type was, or the message lacks the text.</exception>
    public static string Throws<TException>(Action action, string? contains = null) where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(action);
        string expected = typeof(TException).Name + (contains is null ? "" : $" containing \"{contains}\"");
        try
        {
            action();
        }
        catch (TException e)
        {
            if (contains is not null && !e.Message.Contains(contains, StringComparison.Ordinal))
                throw new CheckFailedException($"Expected {expected}. Received: {e.GetType().Name}: {e.Message}");
            return $"✓ threw {e.GetType().Name}: {e.Message}";
        }
        catch (Exception e)
        {
            throw new CheckFailedException($"Expected {expected}. Received: {e.GetType().Name}: {e.Message}", e);
        }
        throw new CheckFailedException($"Expected {expected}. Received: no exception.");
    }

    private static double Limit(double expected, double tolerance)
    {
        if (!(tolerance >= 0))
            throw new ArgumentOutOfRangeException(nameof(tolerance),
                $"Expected `tolerance` ≥ 0. Received: tolerance={Format(tolerance)}.");
        return tolerance * Math.Max(1.0, Math.Abs(expected));
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
