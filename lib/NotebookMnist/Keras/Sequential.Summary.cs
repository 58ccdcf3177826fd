using System.Globalization;
using System.Text;

namespace NotebookMnist.Keras;

public sealed partial class Sequential
{
    /// <summary>Keras's <c>model.summary()</c> as text: each layer's output shape and parameter count, then the total.</summary>
    /// <remarks>The article's model, Dense(10) on 784 inputs, has 784·10 + 10 = 7,850 parameters.</remarks>
    /// <exception cref="InvalidOperationException">The first layer has no inputDim yet (give it one, or call Fit first).</exception>
    public string Summary()
    {
        if (_layers.Count == 0)
            throw new InvalidOperationException("Expected at least one layer. Received: an empty Sequential model.");
        if (!_layers[^1].Built)
        {
            int inputDim = _layers[0].InputDim ?? throw new InvalidOperationException(
                "This model is not built yet: give the first layer an `inputDim`, or call Fit, before Summary.");
            Build(inputDim);
        }
        const string rule = "_________________________________________________________________";
        var sb = new StringBuilder().AppendLine("Model: \"sequential\"").AppendLine(rule)
            .AppendLine(Row("Layer (type)", "Output Shape", "Param #"))
            .AppendLine(rule.Replace('_', '='));
        long total = 0;
        for (int i = 0; i < _layers.Count; i++)
        {
            var layer = _layers[i];
            long count = layer.Weights.Sum(w => w.numel());
            total += count;
            string name = i == 0 ? layer.Name : $"{layer.Name}_{i}";
            sb.AppendLine(Row($"{name} ({layer.GetType().Name})", $"(None, {layer.Units})", Thousands(count)));
        }
        return sb.AppendLine(rule.Replace('_', '='))
            .AppendLine($"Total params: {Thousands(total)}")
            .AppendLine($"Trainable params: {Thousands(total)}")
            .AppendLine("Non-trainable params: 0")
            .Append(rule).ToString();
    }

    private static string Row(string layer, string shape, string parameters) =>
        " " + layer.PadRight(28) + shape.PadRight(26) + parameters;

    private static string Thousands(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
