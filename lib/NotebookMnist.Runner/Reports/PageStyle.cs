namespace NotebookMnist.Runner.Reports;

/// <summary>The CSS of the HTML pages.</summary>
internal static class PageStyle
{
    public const string Css = """
        body { font-family: system-ui, sans-serif; margin: 0; background: #fafafa; color: #222; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem 2rem 4rem; background: #fff; }
        .cell { margin: 1rem 0; }
        .code { display: grid; grid-template-columns: 4rem 1fr; }
        .prompt { color: #888; font-family: monospace; padding-top: .5rem; }
        .source { background: #f4f4f6; border: 1px solid #ddd; border-radius: 4px; padding: .5rem; margin: 0; overflow-x: auto; }
        .outputs { grid-column: 2; }
        .output { margin: .4rem 0; overflow-x: auto; }
        pre.output { padding: .3rem .5rem; margin: .3rem 0; white-space: pre-wrap; }
        .stderr { background: #fff4e5; }
        .error { background: #fdecea; color: #8a1c1c; }
        .raw pre { color: #666; }
        table { border-collapse: collapse; }
        td, th { padding: .15rem .5rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
        table.index tr.failed td { color: #8a1c1c; }
        img { max-width: 100%; }
        """ + "\n" + AnsiHtml.Css;
}
