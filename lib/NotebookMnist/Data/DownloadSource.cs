namespace NotebookMnist.Data;

/// <summary>Downloads base + name + ".gz" from the official locations, with a timeout, retries and a progress bar.</summary>
/// <remarks>
/// The body is collected in memory; nothing touches the disk until the decompressed bytes pass the SHA-256 check,
/// so an interrupted transfer leaves no file behind. A body shorter than its Content-Length counts as a failure.
/// </remarks>
internal sealed class DownloadSource(IReadOnlyList<Uri> bases, DataSourceOptions options) : DataSource
{
    /// <summary>The largest body accepted (the biggest official file is about 26 MB compressed).</summary>
    private const long MaxBodyLength = 256L << 20;

    private HttpClient? _client;

    /// <inheritdoc/>
    public override string Description => bases.Count == 0 ? "download" : $"download from {string.Join(" or ", bases)}";

    /// <inheritdoc/>
    public override bool WritesCache => true;

    /// <inheritdoc/>
    public override string? CheckAvailable(DatasetSpec spec) => bases.Count == 0 ? "no download location configured" : null;

    /// <inheritdoc/>
    public override byte[] Fetch(DatasetFile file)
    {
        string last = "no attempt made";
        foreach (Uri baseUri in bases)
        {
            var url = new Uri(baseUri, file.Name + ".gz");
            for (int attempt = 1; attempt <= options.Attempts; attempt++)
            {
                try
                {
                    return Gzip.Decompress(Download(url), file.Name + ".gz", file.Length);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    last = $"{url}: {OneLine(e)}";
                    options.Log($"  download failed (attempt {attempt}/{options.Attempts}): {last}");
                    if (attempt < options.Attempts) Thread.Sleep(options.RetryDelay * (1 << (attempt - 1)));
                }
            }
        }
        throw new IOException($"{file.Name}.gz could not be downloaded; last error: {last}");
    }

    /// <inheritdoc/>
    public override void Dispose() => _client?.Dispose();

    private byte[] Download(Uri url) => DownloadAsync(url).GetAwaiter().GetResult();

    private async Task<byte[]> DownloadAsync(Uri url)
    {
        _client ??= options.HttpHandler is null
            ? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan }
            : new HttpClient(options.HttpHandler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        using var timeout = new CancellationTokenSource(options.Timeout);
        using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        long? expected = response.Content.Headers.ContentLength;
        if (expected > MaxBodyLength)
            throw new InvalidDataException($"expected at most {MaxBodyLength} bytes but the server announces {expected}.");
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
        var received = new MemoryStream((int)(expected ?? 1 << 20));
        var chunk = new byte[1 << 16];
        var progress = new ProgressBar(options.Progress, Path.GetFileName(url.AbsolutePath), expected);
        while (true)
        {
            timeout.CancelAfter(options.Timeout);    // an inactivity timeout: each chunk gets the full budget
            int read = await body.ReadAsync(chunk, timeout.Token).ConfigureAwait(false);
            if (read == 0) break;
            if (received.Length + read > MaxBodyLength)
                throw new InvalidDataException($"expected at most {MaxBodyLength} bytes but the body is longer.");
            received.Write(chunk, 0, read);
            progress.Report(received.Length);
        }
        progress.Finish(received.Length);
        if (expected is long length && received.Length != length)
            throw new IOException($"expected {length} bytes but the connection ended after {received.Length}.");
        return received.ToArray();
    }

    private static string OneLine(Exception e)
    {
        string message = e is OperationCanceledException ? "timed out" : e.Message;
        if (e.InnerException is { } inner && e is not OperationCanceledException) message += $" ({inner.Message})";
        return message.ReplaceLineEndings(" ");
    }
}
