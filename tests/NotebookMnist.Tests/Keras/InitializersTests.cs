using NotebookMnist.Keras;

namespace NotebookMnist.Tests.Keras;

public class InitializersTests
{
    [Theory]
    [InlineData("zeros", 0f)]
    [InlineData("zero", 0f)]
    [InlineData("ones", 1f)]
    [InlineData("one", 1f)]
    public void Get_ConstantNamesAndAliases_FillWithTheConstant(string name, float expected)
    {
        var values = new float[5];
        Initializers.Get(name).Fill(values, 3, 5, new Random(1));
        Assert.All(values, v => Assert.Equal(expected, v));
    }

    [Fact]
    public void GlorotUniform_LargeSample_IsUniformOverPlusMinusLimit()
    {
        var values = new float[100_000];
        new GlorotUniform(seed: 1).Fill(values, 784, 10, new Random(2));
        double limit = Math.Sqrt(6.0 / 794);
        Assert.All(values, v => Assert.InRange(v, -limit, limit));
        // U(−a, a) has mean 0 and variance a²/3 = 2 / (fanIn + fanOut).
        Assert.InRange(values.Average(), -0.01 * limit, 0.01 * limit);
        Assert.Equal(2.0 / 794, values.Average(v => (double)v * v), 4);
    }

    [Fact]
    public void RandomNormal_OwnSeed_IgnoresTheLayerGenerator()
    {
        float[] a = new float[10], b = new float[10];
        new RandomNormal(0, 1, seed: 5).Fill(a, 1, 10, new Random(1));
        new RandomNormal(0, 1, seed: 5).Fill(b, 1, 10, new Random(2));
        Assert.Equal(a, b);
    }

    [Fact]
    public void RandomNormal_NegativeStddev_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomNormal(0, -1));
        Assert.Equal("stddev", e.ParamName);
    }

    [Fact]
    public void Get_UnknownName_ListsKnownNames()
    {
        var e = Assert.Throws<ArgumentException>(() => Initializers.Get("he_normal"));
        Assert.Contains("Unknown initializer: 'he_normal'", e.Message);
        Assert.Contains("glorot_uniform, zeros, zero, ones, one, random_normal", e.Message);
    }
}
