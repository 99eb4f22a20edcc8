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
    private readonly HttpListener listener = new();
    private readonly string name;
    private readonly string value;
    private readonly List<string> asked = [];
    private readonly Task serving;

    public SsmParameterStub(string name, string value)
    {
        this.name = name;
        this.value = value;
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        Url = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(Url);
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public IReadOnlyList<string> Asked
    {
        get { lock (asked) return [.. asked]; }
    }

    public void Dispose()
    {
        listener.Close();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending request.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception closed) when (closed is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = JsonNode.Parse(await reader.ReadToEndAsync());
            var requested = request?["Name"]?.GetValue<string>() ?? "";
            lock (asked) asked.Add(requested);
            var target = context.Request.Headers["X-Amz-Target"];
            JsonObject body;
            if (target == "AmazonSSM.GetParameter" && requested == name)
            {
                context.Response.StatusCode = 200;
                body = new JsonObject { ["Parameter"] = new JsonObject { ["Name"] = name, ["Type"] = "String", ["Value"] = value, ["Version"] = 1 } };
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
