namespace NotebookMnist.Keras;

/// <summary>An optimizer whose update of each weight depends only on that weight and its gradient (plain SGD), so a
/// variable can be updated in parts, on different cores, with the same result as all at once.</summary>
internal interface IElementwiseOptimizer : IOptimizer
{
    /// <summary>Updates <paramref name="variable"/> in place from <paramref name="gradient"/> (same length).</summary>
    void Apply(ReadOnlySpan<float> gradient, Span<float> variable);
}
