using NotebookMnist.Data;
using NotebookMnist.Keras;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Benchmarks;

/// <summary>MNIST as the Keras notebook feeds it: x float32 (n, 784) = b / 255, y one-hot float32 (n, 10).</summary>
internal static class KerasData
{
    public static (Tensor XTrain, Tensor YTrain, Tensor XTest, Tensor YTest) Load()
    {
        var data = Mnist.Load(log: _ => { });
        var (xTrain, yTrain) = Split(data.Train);
        var (xTest, yTest) = Split(data.Test);
        return (xTrain, yTrain, xTest, yTest);
    }

    /// <remarks>As the notebook: x = the uint8 pixels reshaped to (n, 784), as float32 / 255; y = one-hot labels.</remarks>
    private static (Tensor X, Tensor Y) Split(LabeledImages split) =>
        (split.Images.reshape(-1, split.Height * split.Width).to_type(ScalarType.Float32) / 255,
         Utils.ToCategorical(split.Labels, 10));

    /// <summary>The article's model: Dense(10, softmax, bias "one"), SGD(0.2), with <paramref name="loss"/>.</summary>
    public static Sequential ArticleModel(string loss, int seed = 1)
    {
        var model = new Sequential(new Dense(units: 10, inputDim: 784, activation: "softmax", biasInitializer: "one", seed: seed));
        model.Compile(optimizer: new SGD(learningRate: 0.2), loss: loss, metrics: ["accuracy"]);
        return model;
    }
}
