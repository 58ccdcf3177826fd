using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner.Tests;

public class ParameterInjectorTests
{
    [Theory]
    [InlineData("3", "var", "3")]
    [InlineData("0.5", "var", "0.5")]
    [InlineData("0.5", "float", "0.5f")]
    [InlineData("2", "decimal", "2m")]
    [InlineData("true", "var", "true")]
    [InlineData("False", "var", "false")]
    [InlineData("hello \"x\"", "var", "\"hello \\\"x\\\"\"")]
    [InlineData("42", "string", "\"42\"")]
    public void Literal_Value_ParsedAsNumberBoolElseString(string value, string type, string expected) =>
        Assert.Equal(expected, ParameterInjector.Literal(value, type));

    [Fact]
    public void Inject_NoParametersCell_InsertsFirstAndWarns()
    {
        var path = Fixture.Copy("expected-error.ipynb");
        var document = NotebookDocument.Load(path);

        var warning = ParameterInjector.Inject(document, new Dictionary<string, string> { ["n"] = "1" });

        Assert.NotNull(warning);
        Assert.True(document.Cells[0].HasTag(ParameterInjector.InjectedTag));
        Assert.Equal("// Parameters injected by nbrun\nvar n = 1;", document.Cells[0].Source);
    }
}
