namespace NotebookMnist.D2l;

/// <summary>Running sums of n quantities, as d2l's Accumulator: e.g. (loss sum, correct count, sample count) over an epoch.</summary>
/// <remarks>
/// <c>var metric = new Accumulator(3); metric.Add(loss * n, correct, n); ... metric[0] / metric[2]</c> is the mean loss.
/// d2l saves it in §3.6; introduced in notebooks/04-softmax-regression-scratch.ipynb.
/// </remarks>
public sealed class Accumulator
{
    private readonly double[] _sums;

    /// <summary>Creates an accumulator of <paramref name="n"/> sums, all 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n ≤ 0.</exception>
    public Accumulator(int n)
    {
        if (n <= 0)
            throw new ArgumentOutOfRangeException(nameof(n), $"Expected `n` to be a positive integer. Received: n={n}.");
        _sums = new double[n];
    }

    /// <summary>The number of sums.</summary>
    public int Count => _sums.Length;

    /// <summary>The running sum i.</summary>
    /// <exception cref="ArgumentOutOfRangeException">i is outside [0, Count).</exception>
    public double this[int i]
    {
        get
        {
            if ((uint)i >= (uint)_sums.Length)
                throw new ArgumentOutOfRangeException(nameof(i), $"Expected `i` in [0, {_sums.Length}). Received: i={i}.");
            return _sums[i];
        }
    }

    /// <summary>Adds values[i] to sum i, for every i.</summary>
    /// <exception cref="ArgumentException">values.Length ≠ Count.</exception>
    public void Add(params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _sums.Length)
            throw new ArgumentException(
                $"Expected {_sums.Length} values, one per sum. Received: {values.Length}.", nameof(values));
        for (int i = 0; i < values.Length; i++)
            _sums[i] += values[i];
    }

    /// <summary>Sets every sum back to 0.</summary>
    public void Reset() => Array.Clear(_sums);

    /// <summary>The sums as text, e.g. "Accumulator(12.5, 30, 32)".</summary>
    public override string ToString() =>
        $"Accumulator({string.Join(", ", _sums.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
}
