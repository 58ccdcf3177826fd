namespace NotebookMnist;

/// <summary>Thrown by <see cref="Check"/> when a notebook's derivation disagrees with the library.</summary>
public sealed class CheckFailedException : Exception
{
    /// <summary>Creates the exception with a message saying what was expected and what was received.</summary>
    public CheckFailedException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
