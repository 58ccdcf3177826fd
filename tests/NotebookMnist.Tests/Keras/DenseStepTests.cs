using NotebookMnist.Keras;
using TorchSharp;
using static TorchSharp.torch;
using static NotebookMnist.Tests.Keras.TensorData;

namespace NotebookMnist.Tests.Keras;

/// <summary>The Dense step's own kernel against torch's products, and Fit through it against Fit through autograd.</summary>
public unsafe class DenseStepTests
{
    private static float* Ptr(Tensor t)
    {
        fixed (byte* p = t.bytes) return (float*)p;
    }

    [Theory]
    [InlineData(784, 10, 32)]
    [InlineData(13, 7, 5)]      // ragged feature tail, a unit block of 5 plus 2 single units
    [InlineData(8, 3, 1)]
    public void Forward_EqualsTorchAddmmOnGatheredRows(int inputDim, int units, int batch)
    {
        var g = new Generator(1);
        var x = rand([50, inputDim], generator: g);
        var w = randn([units, inputDim], generator: g);
        var b = randn([units], generator: g);
        var rows = randperm(50, generator: g).narrow(0, 0, batch).contiguous();
        var z = zeros(batch, units);
        fixed (byte* r = rows.bytes)
            DenseStep.Forward(Ptr(x), (long*)r, batch, inputDim, Ptr(w), Ptr(b), units, Ptr(z));
        var expected = (x.index_select(0, rows).to(ScalarType.Float64).mm(w.t().to(ScalarType.Float64)) + b.to(ScalarType.Float64)).to(ScalarType.Float32);
        Assert.True(allclose(z, expected, rtol: 1e-5, atol: 1e-5), $"max |diff| {(z - expected).abs().max().item<float>()}");
    }

    [Theory]
    [InlineData(784, 10, 32)]
    [InlineData(13, 7, 5)]
    public void Update_EqualsSgdStepWithTorchGradients(int inputDim, int units, int batch)
    {
        var g = new Generator(2);
        var x = rand([50, inputDim], generator: g);
        var w = randn([units, inputDim], generator: g);
        var b = randn([units], generator: g);
        var grad = randn([batch, units], generator: g);
        var rows = randperm(50, generator: g).narrow(0, 0, batch).contiguous();
        var xb = x.index_select(0, rows).to(ScalarType.Float64);
        var expectedW = w.to(ScalarType.Float64) - 0.2 * grad.to(ScalarType.Float64).t().mm(xb);
        var expectedB = b.to(ScalarType.Float64) - 0.2 * grad.to(ScalarType.Float64).sum(0L, keepdim: false);   // sum(0) would bind to sum(ScalarType)
        fixed (byte* r = rows.bytes)
            DenseStep.Update(Ptr(x), (long*)r, batch, inputDim, Ptr(grad), units, 0.2f, Ptr(w), Ptr(b));
        var diff = (w.to(ScalarType.Float64) - expectedW).abs();
        Assert.True(allclose(w.to(ScalarType.Float64), expectedW, rtol: 1e-5, atol: 1e-5),
            $"max |diff| {diff.max().item<double>()} at {diff.argmax().item<long>()}; diff row 0 [{string.Join(", ", diff[0].data<double>().ToArray().Take(16))}]");
        Assert.True(allclose(b.to(ScalarType.Float64), expectedB, rtol: 1e-5, atol: 1e-5),
            $"bias [{string.Join(", ", b.data<float>().ToArray())}] expected [{string.Join(", ", expectedB.data<double>().ToArray())}]");
    }

    private static (History History, float[] Kernel, float[] Bias) Train(string loss, bool denseStep, int seed = 3)
    {
        var (x, y) = Blobs(203, 21);                                 // 203: a partial last batch
        var model = new Sequential(new Dense(3, inputDim: 4, activation: "softmax", biasInitializer: "one", seed: seed));
        model.Compile(new SGD(0.2), loss, ["accuracy"]);
        model.UseDenseStep = denseStep;
        var history = model.Fit(x, y, batchSize: 32, epochs: 3, verbose: 0, seed: 7);
        return (history, Floats(model.GetWeights()[0]), Floats(model.GetWeights()[1]));
    }

    [Theory]
    [InlineData("categorical_crossentropy")]
    [InlineData("mse")]
    public void Fit_DenseStepAndAutogradPath_AgreeWithinFloat32Rounding(string loss)
    {
        var fast = Train(loss, denseStep: true);
        var general = Train(loss, denseStep: false);
        Assert.Equal(general.Kernel, fast.Kernel, new FloatTolerance(2e-5f));
        Assert.Equal(general.Bias, fast.Bias, new FloatTolerance(2e-5f));
        Assert.Equal(general.History["loss"], fast.History["loss"], new Tolerance(1e-5));
        Assert.Equal(general.History["accuracy"], fast.History["accuracy"]);
    }

    [Fact]
    public void Fit_DenseStep_SameBitsOnEveryRun()
    {
        var a = Train("categorical_crossentropy", denseStep: true);
        var b = Train("categorical_crossentropy", denseStep: true);
        Assert.Equal(a.Kernel.Select(BitConverter.SingleToInt32Bits), b.Kernel.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(a.Bias.Select(BitConverter.SingleToInt32Bits), b.Bias.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(a.History["loss"], b.History["loss"]);
    }
}
