using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Fit's training step for a model that is one <see cref="Dense"/> layer (the article's): our own kernel for
/// the Dense layer's two products, over the tensors' memory; torch and autograd for the activation and the loss.</summary>
/// <remarks>
/// <para>
/// Why it exists: at batch 32 the step is two small products, [32×784]·[784×10] forward and [10×32]·[32×784] for the
/// kernel gradient, and libtorch's bundled oneMKL takes a generic, slow path for them on AMD CPUs (measured in issue 12:
/// 21–52 µs each, where the whole step's budget is about that). This file is the one kernel the issue allows: no
/// second engine, only the Dense step.
/// </para>
/// <para>
/// The step: z = x[rows]·Wᵀ + b is computed straight from x's rows (no gathered copy) into a (batch, units) tensor;
/// autograd differentiates activation(z) and the loss, exactly as the general path does, and gives G = dL/dz; then
/// W ← W − lr·Gᵀ·x[rows] and b ← b − lr·Σ G are applied in place, fused, without a gradient tensor. Single-threaded and in
/// a fixed order, so a seed gives the same bits on every run; equal to the general path within float32 rounding (tests).
/// </para>
/// </remarks>
internal sealed unsafe class DenseStep : IDisposable
{
    private readonly Sequential _model;
    private readonly Dense _dense;
    private readonly float _learningRate;
    private readonly Tensor _x, _y, _z;
    private readonly float* _xData, _w, _b;
    private readonly int _inputDim, _units;
    private readonly long[]? _labels;

    private DenseStep(Sequential model, Dense dense, Tensor x, Tensor y, int batchSize)
    {
        _model = model;
        _dense = dense;
        _learningRate = (float)model.Optimizer!.LearningRate;
        _x = x;
        _y = y;
        _inputDim = (int)x.shape[1];
        _units = dense.Units;
        _z = zeros(batchSize, _units).DetachFromDisposeScope();
        _xData = Data(x);
        _w = Data(dense.Weight);
        _b = Data(dense.Bias);
        // The class of every sample, once: categorical accuracy is then argmax ŷ = label, read from ŷ's memory.
        using var noGrad = no_grad();
        if (y.dim() == 2 && y.shape[1] == _units && _units > 1)
            using (var argmax = y.argmax(1)) _labels = argmax.data<long>().ToArray();
        else if (y.dim() == 1 && y.dtype == ScalarType.Int64)
            _labels = y.data<long>().ToArray();
    }

    /// <summary>The step for <paramref name="model"/> when it is one Dense layer and x is a contiguous float32 CPU
    /// tensor; otherwise null (Fit then takes the general autograd path).</summary>
    public static DenseStep? TryCreate(Sequential model, Tensor x, Tensor y, int batchSize) =>
        model.Layers is [Dense dense] && model.Optimizer is not null && model.Loss is not null
            && x.dtype == ScalarType.Float32 && x.is_contiguous() && x.device_type == DeviceType.CPU && !x.requires_grad
            && dense.Weight.is_contiguous() && x.numel() < int.MaxValue / sizeof(float)
            ? new DenseStep(model, dense, x, y, batchSize)
            : null;

    /// <summary>One SGD step on the samples <paramref name="index"/> (int64, contiguous) of (x, y).</summary>
    /// <returns>The batch's mean loss and how many predictions are right (0 when not counted).</returns>
    public (float Loss, long Correct) Step(Tensor index, bool countCorrect)
    {
        using var scope = NewDisposeScope();
        int batch = (int)index.shape[0];
        long* rows = (long*)Data(index);
        var zBuffer = batch == _z.shape[0] ? _z : _z.narrow(0, 0, batch);
        Forward(_xData, rows, batch, _inputDim, _w, _b, _units, Data(zBuffer));
        var z = zBuffer.detach().requires_grad_(true);           // a leaf over the buffer: (batch, units)
        var yb = _y.index_select(0, index);
        var (loss, yPred) = _model.OutputLoss(_dense, z, yb, mean: true);   // yPred: scores, argmax is all accuracy reads
        loss.backward();
        var gradZ = z.grad!.contiguous();                          // dL/dz (batch, units)
        Update(_xData, rows, batch, _inputDim, Data(gradZ), _units, _learningRate, _w, _b);
        long correct = 0;
        if (countCorrect && _labels is not null)
            correct = CorrectCount(Data(yPred.detach().contiguous()), rows, batch);
        else if (countCorrect)
            using (no_grad())
                correct = Metrics.CorrectCount(yb, yPred);
        return (loss.item<float>(), correct);
    }

    public void Dispose() => _z.Dispose();

    /// <summary>How many rows of ŷ (batch, units) have their first maximum at the sample's label (Metrics.Accuracy's
    /// categorical and sparse cases).</summary>
    private long CorrectCount(float* yPred, long* rows, int batch)
    {
        long correct = 0;
        for (int s = 0; s < batch; s++)
        {
            float* p = yPred + (long)s * _units;
            int best = 0;
            for (int u = 1; u < _units; u++)
                if (p[u] > p[best]) best = u;
            if (best == _labels![rows[s]]) correct++;
        }
        return correct;
    }

    private static float* Data(Tensor t)
    {
        fixed (byte* p = t.bytes)
            return (float*)p;                                      // native memory: it does not move
    }

    /// <summary>z[s, u] = b[u] + Σₖ x[rows[s], k]·w[u, k] for s &lt; batch; w is (units, inputDim), z (batch, units).</summary>
    internal static void Forward(float* x, long* rows, int batch, int inputDim, float* w, float* b, int units, float* z)
    {
        for (int s = 0; s < Math.Min(PrefetchAhead, batch); s++)
            Prefetch(x + rows[s] * inputDim, inputDim);
        for (int s = 0; s < batch; s++)
        {
            float* xr = x + rows[s] * inputDim, zr = z + (long)s * units;
            if (s + PrefetchAhead < batch) Prefetch(x + rows[s + PrefetchAhead] * inputDim, inputDim);
            int u = 0;
            for (; u + 5 <= units; u += 5)
                Dot5(xr, w + (long)u * inputDim, inputDim, zr + u, b + u);
            for (; u < units; u++)
                zr[u] = b[u] + Dot(xr, w + (long)u * inputDim, inputDim);
        }
    }

    /// <summary>w[u, k] −= lr·Σₛ g[s, u]·x[rows[s], k] and b[u] −= lr·Σₛ g[s, u]: SGD with the Dense kernel and bias
    /// gradients, g = dL/dz (batch, units), accumulated over s in order and applied once.</summary>
    internal static void Update(float* x, long* rows, int batch, int inputDim, float* g, int units, float lr, float* w, float* b)
    {
        var scale = Vector256.Create(-lr);
        int k = 0;
        for (; k + 8 <= inputDim; k += 8)
        {
            int u = 0;
            for (; u + 5 <= units; u += 5)
            {
                Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default;
                for (int s = 0; s < batch; s++)
                {
                    var xv = Vector256.Load(x + rows[s] * inputDim + k);
                    float* gs = g + (long)s * units + u;
                    a0 = Vector256.FusedMultiplyAdd(Vector256.Create(gs[0]), xv, a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.Create(gs[1]), xv, a1);
                    a2 = Vector256.FusedMultiplyAdd(Vector256.Create(gs[2]), xv, a2);
                    a3 = Vector256.FusedMultiplyAdd(Vector256.Create(gs[3]), xv, a3);
                    a4 = Vector256.FusedMultiplyAdd(Vector256.Create(gs[4]), xv, a4);
                }
                float* wu = w + (long)u * inputDim + k;
                Vector256.FusedMultiplyAdd(a0, scale, Vector256.Load(wu)).Store(wu);
                Vector256.FusedMultiplyAdd(a1, scale, Vector256.Load(wu + inputDim)).Store(wu + inputDim);
                Vector256.FusedMultiplyAdd(a2, scale, Vector256.Load(wu + 2 * inputDim)).Store(wu + 2 * inputDim);
                Vector256.FusedMultiplyAdd(a3, scale, Vector256.Load(wu + 3 * inputDim)).Store(wu + 3 * inputDim);
                Vector256.FusedMultiplyAdd(a4, scale, Vector256.Load(wu + 4 * inputDim)).Store(wu + 4 * inputDim);
            }
            for (; u < units; u++)
            {
                Vector256<float> a = default;
                for (int s = 0; s < batch; s++)
                    a = Vector256.FusedMultiplyAdd(Vector256.Create(g[(long)s * units + u]), Vector256.Load(x + rows[s] * inputDim + k), a);
                float* wu = w + (long)u * inputDim + k;
                Vector256.FusedMultiplyAdd(a, scale, Vector256.Load(wu)).Store(wu);
            }
        }
        for (; k < inputDim; k++)                                  // the ragged tail of the features
            for (int u = 0; u < units; u++)
            {
                float a = 0;
                for (int s = 0; s < batch; s++)
                    a = MathF.FusedMultiplyAdd(g[(long)s * units + u], x[rows[s] * inputDim + k], a);
                w[(long)u * inputDim + k] = MathF.FusedMultiplyAdd(a, -lr, w[(long)u * inputDim + k]);
            }
        for (int u = 0; u < units; u++)
        {
            float a = 0;
            for (int s = 0; s < batch; s++)
                a += g[(long)s * units + u];
            b[u] = MathF.FusedMultiplyAdd(a, -lr, b[u]);
        }
    }

    /// <summary>Asks for the next sample's row while this one is computed: the rows of a shuffled batch lie anywhere in
    /// x (188 MB for MNIST), and waiting for each from memory cost about half the product's time.</summary>
    private const int PrefetchAhead = 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefetch(float* row, int length)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        for (int k = 0; k < length; k += 16)                      // one 64-byte cache line holds 16 floats
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(row + k);
    }

    /// <summary>Five dot products of one input row with five consecutive rows of w, plus their biases.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dot5(float* xr, float* w, int n, float* z, float* b)
    {
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default;
        int k = 0;
        for (; k + 8 <= n; k += 8)
        {
            var xv = Vector256.Load(xr + k);
            a0 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(w + k), a0);
            a1 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(w + n + k), a1);
            a2 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(w + 2 * n + k), a2);
            a3 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(w + 3 * n + k), a3);
            a4 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(w + 4 * n + k), a4);
        }
        z[0] = b[0] + Vector256.Sum(a0) + Tail(xr, w, k, n);
        z[1] = b[1] + Vector256.Sum(a1) + Tail(xr, w + n, k, n);
        z[2] = b[2] + Vector256.Sum(a2) + Tail(xr, w + 2 * n, k, n);
        z[3] = b[3] + Vector256.Sum(a3) + Tail(xr, w + 3 * n, k, n);
        z[4] = b[4] + Vector256.Sum(a4) + Tail(xr, w + 4 * n, k, n);
    }

    private static float Dot(float* xr, float* w, int n)
    {
        Vector256<float> a = default;
        int k = 0;
        for (; k + 8 <= n; k += 8)
            a = Vector256.FusedMultiplyAdd(Vector256.Load(xr + k), Vector256.Load(w + k), a);
        return Vector256.Sum(a) + Tail(xr, w, k, n);
    }

    private static float Tail(float* xr, float* w, int from, int n)
    {
        float a = 0;
        for (int k = from; k < n; k++)
            a = MathF.FusedMultiplyAdd(xr[k], w[k], a);
        return a;
    }
}
