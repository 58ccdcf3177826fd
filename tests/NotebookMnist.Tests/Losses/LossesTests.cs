using NotebookMnist;

namespace NotebookMnist.Tests;

public class LossesTests
{
    [Theory]
    [InlineData("mse", typeof(MeanSquaredError))]
    [InlineData("mean_squared_error", typeof(MeanSquaredError))]
    [InlineData("mae", typeof(MeanAbsoluteError))]
    [InlineData("mean_absolute_error", typeof(MeanAbsoluteError))]
    [InlineData("huber", typeof(Huber))]
    [InlineData("categorical_crossentropy", typeof(CategoricalCrossentropy))]
    [InlineData("sparse_categorical_crossentropy", typeof(SparseCategoricalCrossentropy))]
    [InlineData("binary_crossentropy", typeof(BinaryCrossentropy))]
    [InlineData("hinge", typeof(Hinge))]
    [InlineData("categorical_hinge", typeof(CategoricalHinge))]
    [InlineData(" MSE ", typeof(MeanSquaredError))]
    public void Get_KerasName_ReturnsThatLoss(string name, Type expected)
    {
        ILoss loss = Losses.Get(name);

        Assert.IsType(expected, loss);
        Assert.Same(loss, Losses.Get(loss.Name));
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingKnownNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => Losses.Get("msq"));

        Assert.Contains("Unknown loss: \"msq\"", ex.Message);
        Assert.Contains("categorical_crossentropy", ex.Message);
        Assert.Contains("mse", ex.Message);
        Assert.Equal("name", ex.ParamName);
    }

    [Fact]
    public void Properties_AreTheDefaultInstances()
    {
        Assert.Same(Losses.MeanSquaredError, Losses.Get("mse"));
        Assert.False(Losses.CategoricalCrossentropy.FromLogits);
        Assert.Equal(1f, Losses.Huber.Delta);
        Assert.Equal("categorical_crossentropy", Losses.CategoricalCrossentropy.ToString());
    }
}
