namespace NotebookMnist.Keras;

/// <summary>Hooks into <see cref="Sequential.Fit"/>, like a Keras callback; override what you need.</summary>
/// <remarks>Epochs and batches are 0-based here, as in Keras's <c>on_epoch_end(epoch, logs)</c>; logs hold "loss",
/// "accuracy", and after an epoch "val_loss", "val_accuracy". Batch logs are running averages over the epoch.</remarks>
public abstract class Callback
{
    /// <summary>The model being trained (set by Fit).</summary>
    public Sequential? Model { get; internal set; }

    /// <summary>Epochs and steps per epoch of the running Fit (Keras's <c>self.params</c>).</summary>
    public (int Epochs, int Steps) Params { get; internal set; }

    /// <summary>Called before the first epoch.</summary>
    public virtual void OnTrainBegin() { }

    /// <summary>Called at the start of each epoch (0-based).</summary>
    public virtual void OnEpochBegin(int epoch) { }

    /// <summary>Called after each training batch (0-based within the epoch) with the running logs.</summary>
    public virtual void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs) { }

    /// <summary>Called after each epoch (0-based) with that epoch's logs.</summary>
    public virtual void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs) { }

    /// <summary>Called after training ends normally.</summary>
    public virtual void OnTrainEnd(History history) { }
}

/// <summary>A callback from delegates, like Keras's <c>LambdaCallback(on_epoch_end=…)</c>: handy for a live plot.</summary>
public sealed class LambdaCallback(
    Action<int, IReadOnlyDictionary<string, double>>? onEpochEnd = null,
    Action<int>? onEpochBegin = null,
    Action<History>? onTrainEnd = null,
    Action<int, IReadOnlyDictionary<string, double>>? onTrainBatchEnd = null) : Callback
{
    /// <inheritdoc/>
    public override void OnEpochBegin(int epoch) => onEpochBegin?.Invoke(epoch);

    /// <inheritdoc/>
    public override void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs) => onTrainBatchEnd?.Invoke(batch, logs);

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs) => onEpochEnd?.Invoke(epoch, logs);

    /// <inheritdoc/>
    public override void OnTrainEnd(History history) => onTrainEnd?.Invoke(history);
}

/// <summary>Stops training when the loss becomes NaN or infinite, as Keras's <c>TerminateOnNaN</c>, by throwing
/// <see cref="NonFiniteLossException"/> naming the epoch and step.</summary>
/// <remarks>Fit always adds one when the callbacks have none, so a diverging run never trains on silently.</remarks>
public sealed class TerminateOnNaN : Callback
{
    private int _epoch;

    /// <inheritdoc/>
    public override void OnEpochBegin(int epoch) => _epoch = epoch;

    /// <inheritdoc/>
    /// <exception cref="NonFiniteLossException">The running loss is NaN or infinite.</exception>
    public override void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs)
    {
        if (logs.TryGetValue("loss", out double loss) && !double.IsFinite(loss))
            throw new NonFiniteLossException(_epoch + 1, batch + 1, Params.Steps, loss, Model?.History ?? new History());
    }
}
