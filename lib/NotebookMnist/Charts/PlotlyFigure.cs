using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NotebookMnist.Formatting;

namespace NotebookMnist.Charts;

/// <summary>A plotly.js figure: traces, layout and config, serialised to the JSON plotly.js draws.</summary>
/// <remarks>
/// In a notebook it displays as <c>application/vnd.plotly.v1+json</c> (VS Code's Jupyter renderers draw it offline)
/// with a <c>text/html</c> fallback that draws it with the page's own plotly.js (<see cref="PlotlyJsVersion"/> in the
/// runner's pages) and never loads anything from a CDN.
/// Introduced in notebooks/02-losses.ipynb.
/// </remarks>
[TypeFormatterSource(typeof(PlotlyFigureFormatterSource), PreferredMimeTypes = new[] { MimeType, "text/html" })]
public sealed class PlotlyFigure
{
    /// <summary>The mime type of a plotly figure in Jupyter outputs.</summary>
    public const string MimeType = "application/vnd.plotly.v1+json";

    /// <summary>The plotly.js version the runner's pages inline (the one pinned in lib/NotebookMnist.Runner/package.json).</summary>
    public const string PlotlyJsVersion = "3.1.0";

    /// <summary>Creates a figure from traces, a layout and a config (each optional).</summary>
    public PlotlyFigure(IEnumerable<PlotlyTrace>? data = null, PlotlyLayout? layout = null, PlotlyConfig? config = null)
    {
        Data = data is null ? [] : [.. data];
        Layout = layout ?? new PlotlyLayout();
        Config = config ?? new PlotlyConfig();
    }

    /// <summary>The traces, drawn in order.</summary>
    public List<PlotlyTrace> Data { get; }

    /// <summary>The layout.</summary>
    public PlotlyLayout Layout { get; }

    /// <summary>The config.</summary>
    public PlotlyConfig Config { get; }

    /// <summary>A deterministic element id derived from the JSON: the same figure always gets the same id.</summary>
    [JsonIgnore]
    public string Id => "plotly-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())), 0, 6);

    /// <summary>Appends a trace and returns the figure.</summary>
    public PlotlyFigure Add(PlotlyTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        Data.Add(trace);
        return this;
    }

    /// <summary>The figure as <c>{"data":[…],"layout":{…},"config":{…}}</c>; null members are omitted.</summary>
    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, indented ? PlotlyJson.Indented : PlotlyJson.Options);

    /// <summary>An HTML fragment that draws the figure with plotly.js (see <see cref="PlotlyHtml"/>).</summary>
    public string ToHtml() => PlotlyHtml.Fragment(this);

    /// <summary>A one-line summary, e.g. "PlotlyFigure: 3 traces, \"Training\"".</summary>
    public override string ToString() =>
        $"PlotlyFigure: {Data.Count} trace{(Data.Count == 1 ? "" : "s")}" +
        (Layout.Title is null ? "" : $", \"{Layout.Title.Text}\"");
}
