using NotebookMnist.Keras;

namespace NotebookMnist.Tests.Keras;

public class SequentialTests
{
    /// <summary>XOR: not linearly separable, so only a model with a hidden layer can fit it.</summary>
    private static readonly Matrix XorX = Matrix.FromRows([0f, 0f], [0f, 1f], [1f, 0f], [1f, 1f]);
    private static readonly Matrix XorY = Ops.OneHot([0, 1, 1, 0], 2);

    private static (Matrix X, Matrix Y) Blobs(int n, int seed)
    {
        var random = new Random(seed);
        var x = new Matrix(n, 4);
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.Next(3);
            for (int j = 0; j < 4; j++)
                x[i, j] = (float)(random.NextDouble() - 0.5 + (j == labels[i] ? 1.5 : 0));
        }
        return (x, Ops.OneHot(labels, 3));
    }

    private static Sequential Model(int seed = 5, string loss = "categorical_crossentropy", float lr = 0.2f)
    {
        var model = new Sequential(new Dense(3, inputDim: 4, activation: "softmax", seed: seed));
        model.Compile(new SGD(lr), loss, ["accuracy"]);
        return model;
    }

    [Fact]
    public void Fit_HiddenReluLayer_LearnsXor()
    {
        var model = new Sequential(
            new Dense(8, inputDim: 2, activation: "tanh", seed: 1),
            new Dense(2, activation: "softmax", seed: 2));
        model.Compile(new SGD(learningRate: 0.5), "categorical_crossentropy", ["accuracy"]);
        var history = model.Fit(XorX, XorY, batchSize: 4, epochs: 500, verbose: 0, seed: 3);
        Assert.Equal(1.0, model.Evaluate(XorX, XorY).Accuracy);
        Assert.True(history["loss"][^1] < 0.1, $"final loss {history["loss"][^1]}");
    }

    [Fact]
    public void Fit_SingleDenseLayer_CannotLearnXor()
    {
        var model = new Sequential(new Dense(2, inputDim: 2, activation: "softmax", seed: 2));
        model.Compile(new SGD(learningRate: 0.5), "categorical_crossentropy", ["accuracy"]);
        model.Fit(XorX, XorY, batchSize: 4, epochs: 500, verbose: 0, seed: 3);
        Assert.True(model.Evaluate(XorX, XorY).Accuracy <= 0.75);
    }

    [Fact]
    public void Fit_SameSeeds_BitForBitIdenticalWeightsAndHistory()
    {
        var (x, y) = Blobs(100, 1);
        var runs = new[] { Model(seed: 9), Model(seed: 9) }
            .Select(m => (History: m.Fit(x, y, batchSize: 7, epochs: 3, verbose: 0, seed: 4), Weights: m.GetWeights()))
            .ToArray();
        Assert.Equal(runs[0].History["loss"], runs[1].History["loss"]);
        Assert.Equal(runs[0].History["accuracy"], runs[1].History["accuracy"]);
        for (int i = 0; i < runs[0].Weights.Count; i++)
            Assert.Equal(runs[0].Weights[i].Data, runs[1].Weights[i].Data);
    }

    [Fact]
    public void Fit_WithAndWithoutPrefetch_BitForBitIdentical()
    {
        var (x, y) = Blobs(101, 12);
        var runs = new[] { true, false }.Select(prefetch =>
        {
            var model = Model(seed: 3);
            model.ParallelTraining = prefetch;
            return (History: model.Fit(x, y, batchSize: 8, epochs: 3, verbose: 0, seed: 2), Weights: model.GetWeights());
        }).ToArray();
        Assert.Equal(runs[0].History["loss"], runs[1].History["loss"]);
        Assert.Equal(runs[0].Weights[0].Data, runs[1].Weights[0].Data);
        Assert.Equal(runs[0].Weights[1].Data, runs[1].Weights[1].Data);
    }

    [Fact]
    public void Fit_DifferentShuffleSeed_DifferentWeights()
    {
        var (x, y) = Blobs(100, 1);
        var a = Model(seed: 9); a.Fit(x, y, batchSize: 7, epochs: 1, verbose: 0, seed: 4);
        var b = Model(seed: 9); b.Fit(x, y, batchSize: 7, epochs: 1, verbose: 0, seed: 5);
        Assert.NotEqual(a.GetWeights()[0].Data, b.GetWeights()[0].Data);
    }

    [Fact]
    public void Fit_OneBatchEpoch_LogsLossBeforeTheUpdate()
    {
        // Keras logs the batch loss of the forward pass, computed before the weights move.
        var (x, y) = Blobs(20, 2);
        var model = Model();
        double before = model.Loss!.Call(y, model.Predict(x));
        var history = model.Fit(x, y, batchSize: 32, epochs: 1, verbose: 0, seed: 1);
        Assert.Equal(before, history["loss"][0], 5);
        Assert.True(model.Evaluate(x, y).Loss < before);
    }

    [Fact]
    public void Fit_PartialLastBatch_RunningAverageWeightsBatchesBySize()
    {
        // 5 samples at batch size 2 → batches of 2, 2, 1 (the partial batch kept). With no shuffle the three batch
        // losses can be replayed by hand on a copy of the model, one SGD step at a time.
        var (x, y) = Blobs(5, 3);
        var model = Model(seed: 1);
        var replay = Model(seed: 1);
        var history = model.Fit(x, y, batchSize: 2, epochs: 1, shuffle: false, verbose: 0);
        double weighted = 0;
        foreach (var (start, size) in new[] { (0, 2), (2, 2), (4, 1) })
        {
            var xb = new Matrix(size, 4, x.Data[(start * 4)..((start + size) * 4)]);
            var yb = new Matrix(size, 3, y.Data[(start * 3)..((start + size) * 3)]);
            weighted += replay.TrainStep(xb, yb, labels: null).Loss * size;
        }
        Assert.Equal(weighted / 5, history["loss"][0], 5);
        Assert.Equal(replay.GetWeights()[0].Data, model.GetWeights()[0].Data);
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
    public void Fit_Callbacks_ReceiveEachEpochsLogs()
    {
        var (x, y) = Blobs(30, 6);
        var seen = new List<(int Epoch, double Loss)>();
        var history = Model().Fit(x, y, epochs: 3, verbose: 0, seed: 1,
            callbacks: [new LambdaCallback(onEpochEnd: (epoch, logs) => seen.Add((epoch, logs["loss"])))]);
        Assert.Equal([0, 1, 2], seen.Select(s => s.Epoch));
        Assert.Equal(history["loss"], seen.Select(s => s.Loss));
    }

    [Fact]
    public void Fit_LossTurnsNaNInSecondEpoch_ThrowsNamingEpochAndStepAndKeepsHistory()
    {
        var (x, y) = Blobs(10, 7);
        var poison = new LambdaCallback(onEpochEnd: (epoch, _) => { if (epoch == 0) x.Data[2 * 4] = float.NaN; });
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
        var p = Model().Predict(x);
        Assert.Equal((70, 3), p.Shape);
        for (int r = 0; r < 70; r++)
            Assert.Equal(1.0, p.Row(r).ToArray().Sum(), 5);
    }

    [Fact]
    public void Evaluate_EqualsLossAndAccuracyOnTheWholeSet()
    {
        var (x, y) = Blobs(70, 10);
        var model = Model();
        var p = model.Predict(x);
        var (loss, accuracy) = model.Evaluate(x, y, batchSize: 16);
        Assert.Equal(model.Loss!.Call(y, p), loss, 5);
        Assert.Equal(Metrics.Accuracy(p, y), accuracy, 10);
    }

    [Fact]
    public void Compile_AnyILoss_IsAccepted()
    {
        var (x, y) = Blobs(20, 11);
        var model = new Sequential(new Dense(3, inputDim: 4, activation: "softmax", seed: 1));
        model.Compile(new SGD(0.1), new MeanSquaredError(), ["accuracy"]);
        Assert.Equal("mean_squared_error", model.Fit(x, y, verbose: 0).Name);
    }

    [Fact]
    public void Add_AfterConstruction_StacksLayers()
    {
        var model = new Sequential();
        model.Add(new Dense(5, inputDim: 4, activation: "relu", seed: 1));
        model.Add(new Dense(3, activation: "softmax", seed: 2));
        model.Compile(new SGD(0.1), "categorical_crossentropy");
        Assert.Equal((9, 3), model.Predict(new Matrix(9, 4)).Shape);
        Assert.Equal(4, model.GetWeights().Count);
    }

    [Fact]
    public void Summary_ArticleModelPlusHiddenLayer_CountsParametersLikeKeras()
    {
        var model = new Sequential(new Dense(10, inputDim: 784, activation: "softmax"));
        string text = model.Summary();
        Assert.Contains(" dense (Dense)               (None, 10)                7,850", text);
        Assert.Contains("Total params: 7,850", text);

        var deeper = new Sequential(new Dense(64, inputDim: 784, activation: "relu"), new Dense(10, activation: "softmax"));
        string lines = deeper.Summary();
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
        var xVal = new Matrix(10, 4, x.Data[(40 * 4)..]);
        var yVal = new Matrix(10, 3, y.Data[(40 * 3)..]);
        Assert.Equal(model.Evaluate(xVal, yVal).Loss, history["val_loss"][1], 6);

        var reference = Model(seed: 4);
        var trainOnly = reference.Fit(new Matrix(40, 4, x.Data[..(40 * 4)]), new Matrix(40, 3, y.Data[..(40 * 3)]),
            batchSize: 8, epochs: 2, verbose: 0, seed: 1);
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
}
