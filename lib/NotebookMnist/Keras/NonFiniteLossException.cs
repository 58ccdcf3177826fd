namespace NotebookMnist.Keras;

/// <summary>Thrown when a training batch gives a NaN or infinite loss, as Keras's <c>TerminateOnNaN</c> stops training.</summary>
/// <remarks>
/// <see cref="History"/> keeps every epoch completed before the bad batch (the failing epoch is not recorded), so a
/// notebook can still plot what happened: <c>catch (NonFiniteLossException e) { Plot.PlotLosses(e.History); }</c>.
/// </remarks>
public sealed class NonFiniteLossException : Exception
{
    /// <summary>Creates the exception for batch <paramref name="step"/> of epoch <paramref name="epoch"/> (both 1-based).</summary>
    public NonFiniteLossException(int epoch, int step, int steps, double loss, History history)
        : base($"Training stopped: the loss became {loss.ToString(System.Globalization.CultureInfo.InvariantCulture)} " +
               $"at epoch {epoch}, step {step}/{steps} (TerminateOnNaN). Expected a finite loss; try a smaller learning rate. " +
               $"The history of the {history.Epochs} completed epoch(s) is in the exception's History.")
    {
        Epoch = epoch;
        Step = step;
        Loss = loss;
        History = history;
    }

    /// <summary>The 1-based epoch of the bad batch.</summary>
    public int Epoch { get; }

    /// <summary>The 1-based step (batch) within that epoch.</summary>
    public int Step { get; }

    /// <summary>The non-finite loss value.</summary>
    public double Loss { get; }

    /// <summary>The epochs completed before training stopped.</summary>
    public History History { get; }
}
