using NotebookMnist;

namespace NotebookMnist.Tests;

/// <summary>Every built-in loss: the analytic gradient agrees with central finite differences in float64.</summary>
public class LossGradientTests
{
    private const int Rows = 4, Classes = 5;

    public static TheoryData<string> Cases => new()
    {
        "mse", "mae", "huber", "huber_delta_0.3", "categorical_crossentropy", "categorical_crossentropy_soft_targets",
        "categorical_crossentropy_logits", "sparse_categorical_crossentropy", "sparse_categorical_crossentropy_logits",
        "binary_crossentropy", "binary_crossentropy_logits", "hinge", "hinge_zero_one_targets", "categorical_hinge",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_RandomBatch_MatchesCentralFiniteDifferences(string name)
    {
        var (loss, yTrue, yPred) = Make(name, new Random(SeededArrays.Seed));
        GradientCheck.Loss(loss, yTrue, yPred, Classes);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Call_FloatFacade_MatchesFloat64Kernel(string name)
    {
        var (loss, yTrue, yPred) = Make(name, new Random(SeededArrays.Seed));
        int trueCols = yTrue.Length / Rows;
        double expected = loss.Call<double>(yTrue, yPred, Classes);

        float actual = loss.Call(SeededArrays.ToMatrix(yTrue, trueCols), SeededArrays.ToMatrix(yPred, Classes));

        Assert.Equal(expected, actual, 1e-5 * Math.Max(1, Math.Abs(expected)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_FloatFacade_MatchesFloat64KernelAndPerSampleMeanIsCall(string name)
    {
        var (loss, yTrue, yPred) = Make(name, new Random(SeededArrays.Seed));
        int trueCols = yTrue.Length / Rows;
        var exact = new double[yPred.Length];
        loss.Gradient<double>(yTrue, yPred, Classes, exact);
        Matrix t = SeededArrays.ToMatrix(yTrue, trueCols), p = SeededArrays.ToMatrix(yPred, Classes);

        Matrix gradient = loss.Gradient(t, p);
        float[] perSample = loss.PerSample(t, p);

        for (int i = 0; i < exact.Length; i++)
            Assert.Equal(exact[i], gradient.Data[i], 1e-5);
        Assert.Equal(Rows, perSample.Length);
        Assert.Equal(loss.Call(t, p), perSample.Average(), 1e-6);
    }

    /// <summary>A loss with targets and predictions away from kinks and clips, so finite differences are valid.</summary>
    private static (Loss Loss, double[] YTrue, double[] YPred) Make(string name, Random random)
    {
        int n = Rows * Classes;
        double[] oneHot = SeededArrays.OneHot(random, Rows, Classes, out int[] labels);
        double[] labelColumn = labels.Select(l => (double)l).ToArray();
        double[] normal = SeededArrays.Normal(random, n, 2);
        double[] probabilities = SeededArrays.Uniform(random, n, 0.05, 0.95);
        double[] targets = SeededArrays.Uniform(random, n, 0, 1);
        return name switch
        {
            "mse" => (new MeanSquaredError(), targets, normal),
            "mae" => (new MeanAbsoluteError(), targets, normal),
            "huber" => (new Huber(), targets, normal),
            "huber_delta_0.3" => (new Huber(0.3f), targets, normal),
            "categorical_crossentropy" => (new CategoricalCrossentropy(), oneHot, probabilities),
            "categorical_crossentropy_soft_targets" => (new CategoricalCrossentropy(), targets, probabilities),
            "categorical_crossentropy_logits" => (new CategoricalCrossentropy(fromLogits: true), oneHot, normal),
            "sparse_categorical_crossentropy" => (new SparseCategoricalCrossentropy(), labelColumn, probabilities),
            "sparse_categorical_crossentropy_logits" => (new SparseCategoricalCrossentropy(true), labelColumn, normal),
            "binary_crossentropy" => (new BinaryCrossentropy(), targets, probabilities),
            "binary_crossentropy_logits" => (new BinaryCrossentropy(fromLogits: true), targets, normal),
            "hinge" => (new Hinge(), oneHot.Select(v => 2 * v - 1).ToArray(), normal),
            "hinge_zero_one_targets" => (new Hinge(), oneHot, normal),
            "categorical_hinge" => (new CategoricalHinge(), oneHot, SeededArrays.Normal(random, n, 0.5)),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
        };
    }
}
