using System.Text.Json.Nodes;

namespace NotebookMnist.Runner.Notebook;

/// <summary>nbformat's multiline strings: a string or an array of lines.</summary>
internal static class JsonText
{
    /// <summary>Joins a multiline string node (string or array of strings) into one string.</summary>
    public static string Join(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(line => line?.GetValue<string>() ?? "")),
        _ => node.GetValue<string>(),
    };

    /// <summary>Splits text into lines that keep their <c>\n</c> (the last one without); empty text gives <c>[]</c>.</summary>
    public static JsonArray Split(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length - 1;
            lines.Add(text[start..(end + 1)]);
            start = end + 1;
        }
        return lines;
    }
}
