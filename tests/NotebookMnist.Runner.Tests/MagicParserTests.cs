using NotebookMnist.Runner.Execution;

namespace NotebookMnist.Runner.Tests;

public class MagicParserTests
{
    [Fact]
    public void Parse_NuGetLines_HoistedAndBlankedKeepingLineNumbers()
    {
        var cell = MagicParser.Parse("#r \"nuget: Foo, 1.2.3\"\n#i \"nuget: https://example.test/index.json\"\nvar x = 1;");

        Assert.Equal([new PackageRequest("Foo", "1.2.3")], cell.Packages);
        Assert.Equal(["https://example.test/index.json"], cell.Sources);
        Assert.Equal("\n\nvar x = 1;", cell.Code);
    }

    [Theory]
    [InlineData("#r \"nuget:Foo\"", null)]
    [InlineData("#r \"nuget: Foo, *-*\"", "*-*")]
    [InlineData("#r \"nuget: Foo, [1.0,2.0)\"", "[1.0,2.0)")]
    public void Parse_NuGetVersionForms_SplitAtFirstComma(string line, string? version) =>
        Assert.Equal(new PackageRequest("Foo", version), Assert.Single(MagicParser.Parse(line).Packages));

    [Fact]
    public void Parse_PathReferenceAndIndentedDirective_LeftForRoslyn()
    {
        var cell = MagicParser.Parse("#r \"lib/x.dll\"\n  #!time\n#region a");

        Assert.Equal("#r \"lib/x.dll\"\n  #!time\n#region a", cell.Code);
        Assert.False(cell.Time);
        Assert.Null(cell.Error);
    }

    [Fact]
    public void Parse_CSharpSelectorsAndTime_Stripped()
    {
        var cell = MagicParser.Parse("#!csharp\n#!c#\n#!C#\n#!time\nx");

        Assert.Equal("\n\n\n\nx", cell.Code);
        Assert.True(cell.Time);
    }

    [Fact]
    public void Parse_UnknownMagic_ErrorNamesIt() =>
        Assert.Equal("(1,1): error DNI101: Unknown magic command '#!nope'", MagicParser.Parse("#!nope\nx").Error);

    [Fact]
    public void Parse_UppercaseNuGet_IsNotAPackage() =>
        Assert.Empty(MagicParser.Parse("#r \"NuGet: Foo\"").Packages);
}
