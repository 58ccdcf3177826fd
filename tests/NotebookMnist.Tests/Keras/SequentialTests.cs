using NotebookMnist.Keras;
using TorchSharp;
using static TorchSharp.torch;
using static NotebookMnist.Tests.Keras.TensorData;

namespace NotebookMnist.Tests.Keras;

public class SequentialTests
{
    /// <summary>XOR: not linearly separable, so only a model with a hidden layer can fit it.</summary>
    private static readonly Tensor XorX = Rows([0, 0], [0, 1], [1, 0], [1, 1]);
    private static readonly Tensor XorY = OneHot([0, 1, 1, 0], 2);

    private static Sequential Model(int seed = 5, string loss = "categorical_crossentropy", double lr = 0.2)
    {
        var model = new Sequential(new Dense(3, inputDim: 4, activation: "softmax", seed: seed));
        model.Compile(new SGD(lr), loss, ["accuracy"]);
        return model;
    }

    [Fact]
    public void Fit_HiddenReluLayer_LearnsXor()
    {
        var model = new Sequential(new Dense(8, inputDim: 2, activation: "tanh", seed: 3), new Dense(2, activation: "softmax", seed: 4));
        model.Compile(new SGD(0.5), "categorical_crossentropy", ["accuracy"]);
        var history = model.Fit(XorX, XorY, batchSize: 4, epochs: 2000, verbose: 0, seed: 1);
        Assert.Equal(1.0, model.Evaluate(XorX, XorY).Accuracy);
        Assert.True(history["loss"][^1] < 0.1, $"final loss {history["loss"][^1]}");
    }

    [Fact]
    public void Fit_SingleDenseLayer_CannotLearnXor()
    {
        var model = new Sequential(new Dense(2, inputDim: 2, activation: "softmax", seed: 3));
        model.Compile(new SGD(0.5), "categorical_crossentropy", ["accuracy"]);
        model.Fit(XorX, XorY, batchSize: 4, epochs: 500, verbose: 0, seed: 1);
        Assert.True(model.Evaluate(XorX, XorY).Accuracy <= 0.75);
    }

    [Fact]
    public void Fit_SameSeeds_SameBitsInWeightsAndHistory()
    {
        var (x, y) = Blobs(100, 1);
        var runs = Enumerable.Range(0, 2).Select(_ =>
        {
            var model = Model(seed: 11);
            var history = model.Fit(x, y, batchSize: 8, epochs: 3, verbose: 0, seed: 42);
            return (History: history, Weights: model.GetWeights().Select(Floats).ToArray());
        }).ToArray();
        Assert.Equal(runs[0].History["loss"], runs[1].History["loss"]);
        Assert.Equal(runs[0].History["accuracy"], runs[1].History["accuracy"]);
        for (int i = 0; i < runs[0].Weights.Length; i++)
            Assert.Equal(runs[0].Weights[i].Select(BitConverter.SingleToInt32Bits), runs[1].Weights[i].Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Fit_DifferentShuffleSeed_DifferentWeights()
    {
        var (x, y) = Blobs(100, 1);
        var a = Model(seed: 11);
        var b = Model(seed: 11);
        a.Fit(x, y, batchSize: 8, verbose: 0, seed: 1);
        b.Fit(x, y, batchSize: 8, verbose: 0, seed: 2);
        Assert.NotEqual(Floats(a.GetWeights()[0]), Floats(b.GetWeights()[0]));
    }

    [Fact]
    public void Fit_OneBatchEpoch_LogsLossBeforeTheUpdate()
    {
        // Keras logs the batch loss of the forward pass, computed before the weights move.
        var (x, y) = Blobs(20, 2);
        var model = Model();
        double before = model.Evaluate(x, y).Loss;
        var history = model.Fit(x, y, batchSize: 32, epochs: 1, verbose: 0, seed: 1);
        Assert.Equal(before, history["loss"][0], 5);
        Assert.True(model.Evaluate(x, y).Loss < before);
    }

    [Fact]
    public void Fit_PartialLastBatch_RunningAverageWeightsBatchesBySizeAndMatchesHandSteps()
    {
        // 5 samples at batch size 2 → batches of 2, 2, 1 (the partial batch kept). With no shuffle the steps are replayed
        // by hand on a copy of the model: autograd's gradient of the loss, then w ← w − lr·g.
        var (x, y) = Blobs(5, 3);
        var model = Model(seed: 1);
        var replay = Model(seed: 1);
        var history = model.Fit(x, y, batchSize: 2, epochs: 1, shuffle: false, verbose: 0);
        double weighted = 0;
        foreach (var (start, size) in new[] { (0, 2), (2, 2), (4, 1) })
        {
            var loss = new CategoricalCrossentropy().Call(y.narrow(0, start, size), replay.Predict(x.narrow(0, start, size)));
            var w = (Dense)replay.Layers[0];
            var yPred = softmax(x.narrow(0, start, size).mm(w.Weight.t()) + w.Bias, -1);
            var l = new CategoricalCrossentropy().Call(y.narrow(0, start, size), yPred);
            l.backward();
            using (no_grad())
            {
                w.Weight.sub_(0.2 * w.Weight.grad!);
                w.Bias.sub_(0.2 * w.Bias.grad!);
                w.Weight.grad!.zero_();
                w.Bias.grad!.zero_();
            }
            weighted += loss.item<float>() * size;
        }
        Assert.Equal(weighted / 5, history["loss"][0], 5);
        Assert.Equal(Floats(replay.GetWeights()[0]), Floats(model.GetWeights()[0]), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Fit_ValidationData_RecordsValMetricsEqualToEvaluate()
    {
        var (x, y) = Blobs(60, 4);
        var (xVal, yVal) = Blobs(30, 5);
        var model = Model();
        var history = model.Fit(x, y, batchSize: 8, epochs: 2, validationData: (xVal, yVal), verbose: 0, seed: 1);
        var (loss, accuracy) = model.Evaluate(xVal, yVal);
        Assert.Equal(["loss", "accuracy", "val_loss", "val_accuracy"], history.Values.Keys);
        Assert.Equal(loss, history["val_loss"][1], 6);
        Assert.Equal(accuracy, history["val_accuracy"][1], 6);
    }

    [Fact]
    public void Fit_Callbacks_ReceiveEachEpochsLogsAndEachBatch()
    {
        var (x, y) = Blobs(30, 6);
        var seen = new List<(int Epoch, double Loss)>();
        int batches = 0;
        var history = Model().Fit(x, y, epochs: 3, batchSize: 8, verbose: 0, seed: 1,
            callbacks: [new LambdaCallback(onEpochEnd: (epoch, logs) => seen.Add((epoch, logs["loss"])), onTrainBatchEnd: (_, _) => batches++)]);
        Assert.Equal([0, 1, 2], seen.Select(s => s.Epoch));
        Assert.Equal(history["loss"], seen.Select(s => s.Loss));
        Assert.Equal(3 * 4, batches);
    }

    [Fact]
    public void Fit_LossTurnsNaNInSecondEpoch_ThrowsNamingEpochAndStepAndKeepsHistory()
    {
        var (x, y) = Blobs(10, 7);
        var poison = new LambdaCallback(onEpochEnd: (epoch, _) => { if (epoch == 0) x[2, 0].fill_(float.NaN); });
        var e = Assert.Throws<NonFiniteLossException>(() =>
            Model().Fit(x, y, batchSize: 2, epochs: 5, shuffle: false, verbose: 0, callbacks: [poison]));
        Assert.Equal(2, e.Epoch);
        Assert.Equal(2, e.Step);                 // sample 2 is in the second batch of size 2
        Assert.Contains("epoch 2, step 2/5", e.Message);
        Assert.Equal(1, e.History.Epochs);
        Assert.True(double.IsFinite(e.History["loss"][0]));
    }

    [Fact]
    public void Fit_HugeLearningRate_StopsOnInfiniteOrNaNLoss()
    {
        var (x, y) = Blobs(50, 8);
        var model = new Sequential(new Dense(3, inputDim: 4, seed: 1));
        model.Compile(new SGD(1e30), "mse");
        var e = Assert.Throws<NonFiniteLossException>(() => model.Fit(x, y, batchSize: 5, epochs: 3, verbose: 0, seed: 1));
        Assert.False(double.IsFinite(e.Loss));
    }

    [Fact]
    public void Predict_ReturnsOneProbabilityRowPerSample()
    {
        var (x, _) = Blobs(70, 9);
        var p = Model().Predict(x, batchSize: 32);
        Assert.Equal([70L, 3L], p.shape);
        Assert.All(Floats(p.sum(1)), s => Assert.Equal(1f, s, 5));
        Assert.False(p.requires_grad);
    }

    [Fact]
    public void Evaluate_EqualsLossAndAccuracyOnTheWholeSet()
    {
        var (x, y) = Blobs(70, 10);
        var model = Model();
        var p = model.Predict(x);
        var (loss, accuracy) = model.Evaluate(x, y, batchSize: 16);
        Assert.Equal(model.Loss!.Call(y, p).item<float>(), loss, 5);
        Assert.Equal(Metrics.Accuracy(y, p).item<float>(), accuracy, 6);
    }

    [Fact]
    public void Compile_LossObject_IsAcceptedAndNamesHistory()
    {
        var (x, y) = Blobs(10, 11);
        var model = new Sequential(new Dense(3, inputDim: 4, seed: 1));
        model.Compile(new SGD(0.1), new MeanSquaredError());
        Assert.Equal("mean_squared_error", model.Fit(x, y, verbose: 0).Name);
    }

    [Fact]
    public void Fit_SparseLabels_TrainsWithSparseCrossentropy()
    {
        var (x, y) = Blobs(60, 12);
        var model = new Sequential(new Dense(3, inputDim: 4, activation: "softmax", seed: 1));
        model.Compile(new SGD(0.2), "sparse_categorical_crossentropy", ["accuracy"]);
        var history = model.Fit(x, y.argmax(1), batchSize: 8, epochs: 5, verbose: 0, seed: 1);
        Assert.True(history["accuracy"][^1] > 0.8, $"accuracy {history["accuracy"][^1]}");
    }

    [Fact]
    public void Add_AfterConstruction_StacksLayers()
    {
        var model = new Sequential(new Dense(5, inputDim: 4, activation: "relu", seed: 1));
        model.Add(new Dense(3, activation: "softmax", seed: 2));
        model.Compile(new SGD(0.1), "categorical_crossentropy");
        Assert.Equal([9L, 3L], model.Predict(zeros(9, 4)).shape);
        Assert.Equal(4, model.GetWeights().Count);
    }

    [Fact]
    public void Summary_ArticleModelPlusHiddenLayer_CountsParametersLikeKeras()
    {
        var text = new Sequential(new Dense(10, inputDim: 784, activation: "softmax", seed: 1)).Summary();
        Assert.Contains(" dense (Dense)               (None, 10)                7,850", text);
        Assert.Contains("Total params: 7,850", text);
        var lines = new Sequential(new Dense(64, inputDim: 784, seed: 1), new Dense(10, seed: 1)).Summary();
        Assert.Contains(" dense_1 (Dense)             (None, 10)                650", lines);
        Assert.Contains("Total params: 50,890", lines);   // 784·64 + 64 + 64·10 + 10
    }

    [Fact]
    public void Fit_ValidationSplit_HoldsOutTheLastRowsLikeKeras()
    {
        // 50 samples, split 0.2: Keras trains on rows 0–39 and validates on rows 40–49 (taken before shuffling).
        var (x, y) = Blobs(50, 13);
        var model = Model(seed: 4);
        var history = model.Fit(x, y, batchSize: 8, epochs: 2, validationSplit: 0.2, verbose: 0, seed: 1);
        Assert.Equal(model.Evaluate(x.narrow(0, 40, 10), y.narrow(0, 40, 10)).Loss, history["val_loss"][1], 6);

        var trainOnly = Model(seed: 4).Fit(x.narrow(0, 0, 40), y.narrow(0, 0, 40), batchSize: 8, epochs: 2, verbose: 0, seed: 1);
        Assert.Equal(trainOnly["loss"], history["loss"]);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void Fit_ValidationSplitOutsideZeroToOne_Throws(double split)
    {
        var (x, y) = Blobs(10, 14);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Model().Fit(x, y, validationSplit: split, verbose: 0));
        Assert.Equal("validationSplit", e.ParamName);
    }

    [Fact]
    public void History_ToDataFrame_OneColumnPerKeyOneRowPerEpoch()
    {
        var (x, y) = Blobs(40, 15);
        var history = Model().Fit(x, y, batchSize: 8, epochs: 3, validationSplit: 0.25, verbose: 0, seed: 1);
        var frame = history.ToDataFrame();
        Assert.Equal(["loss", "accuracy", "val_loss", "val_accuracy"], frame.Columns.Select(c => c.Name));
        Assert.Equal(3, frame.Rows.Count);
        Assert.Equal(history["val_loss"][2], (double)frame["val_loss"][2]);
    }
}
