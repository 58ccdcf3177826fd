using System.Text.Json.Nodes;
using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner.Tests;

public class NotebookWriterTests
{
    [Fact]
    public void ToText_Object_SortsKeysOneSpaceIndentRelaxedEscapingTrailingNewline()
    {
        var root = new JsonObject { ["z"] = "<b>é & ü</b>", ["a"] = new JsonObject { ["y"] = 1, ["b"] = new JsonArray() } };

        Assert.Equal("{\n \"a\": {\n  \"b\": [],\n  \"y\": 1\n },\n \"z\": \"<b>é & ü</b>\"\n}\n", NotebookWriter.ToText(root));
    }

    [Fact]
    public void Split_Text_KeepsNewlinesExceptLastAndEmptyIsEmpty()
    {
        Assert.Equal("[\"a\\n\",\"b\"]", JsonText.Split("a\nb").ToJsonString());
        Assert.Equal("[\"a\\n\"]", JsonText.Split("a\n").ToJsonString());
        Assert.Equal("[]", JsonText.Split("").ToJsonString());
    }

    [Fact]
    public void Bundle_Mimes_EncodedAsVsCodeDoes()
    {
        var bundle = OutputJson.Bundle(new Dictionary<string, string>
        {
            ["image/png"] = "AAAA", ["application/json"] = "{\"k\":1}", ["text/html"] = "<p>\n</p>",
        });

        Assert.Equal("{\"image/png\":\"AAAA\",\"application/json\":{\"k\":1},\"text/html\":[\"<p>\\n\",\"</p>\"]}", bundle.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Load_NotNbformat4_ThrowsNamingFileAndVersion()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "old.ipynb");
        File.WriteAllText(path, "{\"cells\": [], \"nbformat\": 3}");

        var error = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Load(path));

        Assert.Contains("old.ipynb: expected nbformat 4. Received: nbformat=3.", error.Message);
    }
}
