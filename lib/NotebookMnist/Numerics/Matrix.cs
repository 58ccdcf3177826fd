using System.Globalization;
using System.Text;

namespace NotebookMnist;

/// <summary>A dense, row-major matrix of <see cref="float"/>: the one array type the notebooks use.</summary>
/// <remarks>
/// Element (r, c) lives at <c>Data[r * Cols + c]</c>. A batch of n images of 28×28 pixels is a (n, 784) matrix,
/// a weight matrix is (inputs, units), a bias is a plain <c>float[]</c> of length units.
/// Introduced in notebooks/01-softmax.ipynb.
/// </remarks>
public sealed partial class Matrix
{
    /// <summary>Creates a (rows, cols) matrix of zeros.</summary>
    /// <exception cref="ArgumentOutOfRangeException">rows or cols is negative.</exception>
    public Matrix(int rows, int cols)
        : this(rows, cols, new float[CheckedLength(rows, cols)])
    {
    }

    /// <summary>Wraps <paramref name="data"/> (not copied) as a (rows, cols) matrix.</summary>
    /// <exception cref="ArgumentException">data.Length is not rows × cols.</exception>
    public Matrix(int rows, int cols, float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        long length = CheckedLength(rows, cols);
        if (data.Length != length)
            throw new ArgumentException(
                $"Expected `data` to hold rows × cols = {rows} × {cols} = {length} values. Received: data.Length={data.Length}.",
                nameof(data));
        Rows = rows;
        Cols = cols;
        Data = data;
    }

    /// <summary>Number of rows (the batch axis for data).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features or classes).</summary>
    public int Cols { get; }

    /// <summary>The row-major storage, of length <see cref="Rows"/> × <see cref="Cols"/>.</summary>
    public float[] Data { get; }

    /// <summary>Rows × Cols.</summary>
    public int Length => Data.Length;

    /// <summary>The shape as a tuple, e.g. (60000, 784).</summary>
    public (int Rows, int Cols) Shape => (Rows, Cols);

    /// <summary>The shape as text, e.g. "(60000, 784)", for error messages.</summary>
    public string ShapeText => $"({Rows}, {Cols})";

    /// <summary>Gets or sets element (row, col).</summary>
    public float this[int row, int col]
    {
        get => Data[Index(row, col)];
        set => Data[Index(row, col)] = value;
    }

    /// <summary>The elements of one row, as a writable span over <see cref="Data"/>.</summary>
    public Span<float> Row(int row)
    {
        if ((uint)row >= (uint)Rows)
            throw new ArgumentOutOfRangeException(nameof(row), $"Expected `row` in [0, {Rows}). Received: row={row}.");
        return Data.AsSpan(row * Cols, Cols);
    }

    /// <summary>All elements as a span.</summary>
    public Span<float> AsSpan() => Data.AsSpan();

    /// <summary>Builds a matrix from equal-length rows: <c>Matrix.FromRows([1, 2, 3], [4, 5, 6])</c>.</summary>
    /// <exception cref="ArgumentException">No rows, or rows of different lengths.</exception>
    public static Matrix FromRows(params float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0)
            throw new ArgumentException("Expected at least one row. Received: 0 rows.", nameof(rows));
        int cols = rows[0].Length;
        var m = new Matrix(rows.Length, cols);
        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != cols)
                throw new ArgumentException(
                    $"Expected every row to have {cols} values (like row 0). Received: row {r} has {rows[r].Length}.",
                    nameof(rows));
            rows[r].CopyTo(m.Data, r * cols);
        }
        return m;
    }

    /// <summary>Builds a (1, n) matrix from one row of values.</summary>
    public static Matrix FromRow(params float[] values) => FromRows(values);

    /// <summary>A deep copy.</summary>
    public Matrix Clone() => new(Rows, Cols, (float[])Data.Clone());

    /// <summary>The same data seen with another shape of equal length (no copy).</summary>
    /// <exception cref="ArgumentException">rows × cols differs from <see cref="Length"/>.</exception>
    public Matrix Reshape(int rows, int cols)
    {
        if ((long)rows * cols != Length)
            throw new ArgumentException(
                $"Cannot reshape {ShapeText} ({Length} values) to ({rows}, {cols}) ({(long)rows * cols} values).");
        return new Matrix(rows, cols, Data);
    }

    /// <summary>The rows as jagged arrays (a copy).</summary>
    public float[][] ToRows()
    {
        var result = new float[Rows][];
        for (int r = 0; r < Rows; r++)
            result[r] = Row(r).ToArray();
        return result;
    }

    /// <summary>Text like PyTorch's: up to 6 rows and 10 columns, 4 decimals, with the shape.</summary>
    public override string ToString()
    {
        const int maxRows = 6, maxCols = 10;
        var sb = new StringBuilder("[");
        for (int r = 0; r < Math.Min(Rows, maxRows); r++)
        {
            if (r > 0) sb.Append(",\n ");
            sb.Append('[');
            for (int c = 0; c < Math.Min(Cols, maxCols); c++)
            {
                if (c > 0) sb.Append(", ");
                sb.Append(this[r, c].ToString("0.0000", CultureInfo.InvariantCulture));
            }
            if (Cols > maxCols) sb.Append(", ...");
            sb.Append(']');
        }
        if (Rows > maxRows) sb.Append(",\n ...");
        return sb.Append("] shape=").Append(ShapeText).ToString();
    }

    private int Index(int row, int col)
    {
        if ((uint)row >= (uint)Rows || (uint)col >= (uint)Cols)
            throw new ArgumentOutOfRangeException(
                nameof(row), $"Expected an index inside {ShapeText}. Received: ({row}, {col}).");
        return row * Cols + col;
    }

    private static int CheckedLength(int rows, int cols)
    {
        if (rows < 0)
            throw new ArgumentOutOfRangeException(nameof(rows), $"Expected `rows` ≥ 0. Received: rows={rows}.");
        if (cols < 0)
            throw new ArgumentOutOfRangeException(nameof(cols), $"Expected `cols` ≥ 0. Received: cols={cols}.");
        long length = (long)rows * cols;
        if (length > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(rows), $"A ({rows}, {cols}) matrix is too large ({length} values).");
        return (int)length;
    }
}
