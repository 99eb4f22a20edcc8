using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>
/// SSM's GetParameter on loopback (the JSON protocol: POST with <c>X-Amz-Target: AmazonSSM.GetParameter</c>),
/// serving one parameter; any other name gets SSM's ParameterNotFound. Records the names asked for.
/// </summary>
internal sealed class SsmParameterStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _name;
    private readonly string _value;
    private readonly List<string> _asked = [];
    private readonly Task _serving;

    public SsmParameterStub(string name, string value)
    {
        _name = name;
        _value = value;
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public IReadOnlyList<string> Asked
    {
        get { lock (_asked) return [.. _asked]; }
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending request.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception closed) when (closed is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = JsonNode.Parse(await reader.ReadToEndAsync());
            var requested = request?["Name"]?.GetValue<string>() ?? "";
            lock (_asked) _asked.Add(requested);
            var target = context.Request.Headers["X-Amz-Target"];
            JsonObject body;
            if (target == "AmazonSSM.GetParameter" && requested == _name)
            {
                context.Response.StatusCode = 200;
                body = new JsonObject { ["Parameter"] = new JsonObject { ["Name"] = _name, ["Type"] = "String", ["Value"] = _value, ["Version"] = 1 } };
            }
            else
            {
                context.Response.StatusCode = 400;
                body = new JsonObject { ["__type"] = "ParameterNotFound", ["message"] = $"parameter {requested} not found" };
            }
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            context.Response.ContentType = "application/x-amz-json-1.1";
            context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
