using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NotebookMnist.Tests.Data;

/// <summary>A tiny HTTP/1.1 server on 127.0.0.1 (ephemeral port) that can cut a response mid-body; stops itself after 30 s.</summary>
internal sealed class LocalHttpServer : IDisposable
{
    /// <summary>How to answer request number n (1-based) for a path.</summary>
    public delegate Reply Responder(int request, string path);

    /// <summary>Status, body, how many body bytes to send before closing (null: all), and whether to stall forever.</summary>
    public sealed record Reply(int Status, byte[] Body, int? CutAfter = null, bool Stall = false);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(30));
    private readonly Responder _responder;
    private readonly Task _loop;
    private int _requests;

    public LocalHttpServer(Responder responder)
    {
        _responder = responder;
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptLoop);
    }

    public Uri BaseUri { get; }

    public int Requests => Volatile.Read(ref _requests);

    private async Task AcceptLoop()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => Serve(client));
            }
        }
        catch (OperationCanceledException) { }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                string path = await ReadRequestPath(stream);
                Reply reply = _responder(Interlocked.Increment(ref _requests), path);
                if (reply.Stall) { await Task.Delay(Timeout.Infinite, _stop.Token); return; }
                string head = $"HTTP/1.1 {reply.Status} X\r\nContent-Length: {reply.Body.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.WriteAsync(reply.Body.AsMemory(0, reply.CutAfter ?? reply.Body.Length), _stop.Token);
                await stream.FlushAsync(_stop.Token);
                if (reply.CutAfter is not null) client.Client.LingerState = new LingerOption(true, 0); // reset, not a clean close
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException) { }
        }
    }

    private async Task<string> ReadRequestPath(NetworkStream stream)
    {
        var request = new StringBuilder();
        var buffer = new byte[1024];
        while (!request.ToString().Contains("\r\n\r\n"))
        {
            int read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0) break;
            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return request.ToString().Split(' ')[1];
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
