using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookMnist.Charts;
using NotebookMnist.Tables;
using TorchSharp;

namespace NotebookMnist;

/// <summary>The notebooks' one setup call: torch's thread policy and, inside a .NET Interactive kernel, the formatters.</summary>
/// <remarks>
/// Every notebook's first cell ends with <c>NotebookSetup.Apply();</c>. It is needed because the kernel runs no code
/// of a library that is merely <c>#r</c>'d by path: kernel extensions load only from <c>#r "nuget:"</c> packages
/// (their interactive-extensions/dotnet folder), and the <c>TypeFormatterSource</c> convention reaches only our own
/// types, not <see cref="DataFrame"/>. Calling it again does nothing new (it re-registers only what a
/// <c>Formatter.ResetToDefault()</c> removed).
/// </remarks>
public static class NotebookSetup
{
    // threads: set by NotebookSetup.TorchThreads
    /// <summary>The number of intra-op threads torch uses in the notebooks (<c>torch.set_num_threads</c>).</summary>
    public const int TorchThreads = 1;

    private static readonly object Gate = new();
    private static List<ITypeFormatter>? _registered;

    /// <summary>Starts libtorch (naming the cause and the fix when it cannot start, see <see cref="TorchRuntime"/>),
    /// applies <see cref="TorchThreads"/> and, when a kernel is running the calling cell, registers the formatters.</summary>
    public static void Apply()
    {
        TorchRuntime.EnsureStarted();
        ApplyThreads();
        if (KernelInvocationContext.Current is not null) RegisterFormatters();
    }

    /// <summary>Sets torch's intra-op thread count to <see cref="TorchThreads"/> (nothing to do when it already is).</summary>
    public static void ApplyThreads()
    {
        lock (Gate)
        {
            if (torch.get_num_threads() != TorchThreads) torch.set_num_threads(TorchThreads);
        }
    }

    /// <summary>Registers the kernel formatters: DataFrame → HTML table; figures and the Animator → plotly JSON + offline HTML; image grids → HTML.</summary>
    /// <returns>True when it registered them, false when they were already registered.</returns>
    /// <remarks>
    /// A DataFrame formatter that is already registered (e.g. Microsoft.Data.Analysis's own, after
    /// <c>#r "nuget: Microsoft.Data.Analysis"</c>) is kept. Our types also carry <c>TypeFormatterSource</c> attributes, so
    /// they display even without this call; registering them here makes the choice explicit and the mime order fixed.
    /// </remarks>
    public static bool RegisterFormatters()
    {
        lock (Gate)
        {
            var current = Formatter.RegisteredFormatters(includeDefaults: false).ToList();
            if (_registered is not null && _registered.All(f => current.Contains(f))) return false;
            var formatters = new List<ITypeFormatter>();
            if (!current.Any(f => f.Type == typeof(DataFrame) && f.MimeType == HtmlFormatter.MimeType))
            {
                formatters.Add(Create(typeof(DataFrame), HtmlFormatter.MimeType, (o, w) => w.Write(DataFrameHtml.Format((DataFrame)o))));
                formatters.Add(Create(typeof(DataFrame), PlainTextFormatter.MimeType, (o, w) => w.Write(DataFrameText.Format((DataFrame)o))));
                Formatter.SetPreferredMimeTypesFor(typeof(DataFrame), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
            }
            IEnumerable<object>[] sources =
            [
                new PlotlyFigureFormatterSource().CreateTypeFormatters(),
                new D2l.AnimatorFormatterSource().CreateTypeFormatters(),
                new ImageGridFormatterSource().CreateTypeFormatters(),
            ];
            foreach (var mime in sources.SelectMany(s => s).Cast<MimeFormatter>())
                formatters.Add(Create(mime.Type, mime.MimeType, (o, w) => mime.Format(o, w)));
            Formatter.SetPreferredMimeTypesFor(typeof(PlotlyFigure), PlotlyFigure.MimeType, HtmlFormatter.MimeType);
            Formatter.SetPreferredMimeTypesFor(typeof(D2l.Animator), PlotlyFigure.MimeType, HtmlFormatter.MimeType);
            Formatter.SetPreferredMimeTypesFor(typeof(ImageGrid), HtmlFormatter.MimeType);
            foreach (var formatter in formatters) Formatter.Register(formatter);
            _registered = formatters;
            return true;
        }
    }

    private static ITypeFormatter Create(Type type, string mimeType, Action<object, TextWriter> write) =>
        new KernelFormatter(type, mimeType, write);

    /// <summary>One of our formatters in the kernel's <see cref="ITypeFormatter"/> form.</summary>
    private sealed class KernelFormatter(Type type, string mimeType, Action<object, TextWriter> write) : ITypeFormatter
    {
        public string MimeType { get; } = mimeType;

        public Type Type { get; } = type;

        public bool Format(object instance, FormatContext context)
        {
            if (instance is null || !Type.IsInstanceOfType(instance)) return false;
            write(instance, context.Writer);
            return true;
        }
    }
}
