namespace NotebookMnist.Keras;

/// <summary>Hooks into <see cref="Sequential.Fit"/>, like a Keras callback; override what you need.</summary>
/// <remarks>Epochs are 0-based here, as in Keras's <c>on_epoch_end(epoch, logs)</c>; logs hold "loss", "accuracy", "val_loss", "val_accuracy".</remarks>
public abstract class Callback
{
    /// <summary>The model being trained (set by Fit).</summary>
    public Sequential? Model { get; internal set; }

    /// <summary>Called before the first epoch.</summary>
    public virtual void OnTrainBegin() { }

    /// <summary>Called at the start of each epoch (0-based).</summary>
    public virtual void OnEpochBegin(int epoch) { }

    /// <summary>Called after each epoch (0-based) with that epoch's logs.</summary>
    public virtual void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs) { }

    /// <summary>Called after training ends normally.</summary>
    public virtual void OnTrainEnd(History history) { }
}

/// <summary>A callback from delegates, like Keras's <c>LambdaCallback(on_epoch_end=…)</c>: handy for a live plot.</summary>
public sealed class LambdaCallback(
    Action<int, IReadOnlyDictionary<string, double>>? onEpochEnd = null,
    Action<int>? onEpochBegin = null,
    Action<History>? onTrainEnd = null) : Callback
{
    /// <inheritdoc/>
    public override void OnEpochBegin(int epoch) => onEpochBegin?.Invoke(epoch);

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs) => onEpochEnd?.Invoke(epoch, logs);

    /// <inheritdoc/>
    public override void OnTrainEnd(History history) => onTrainEnd?.Invoke(history);
}
