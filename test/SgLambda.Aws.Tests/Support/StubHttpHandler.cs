using System.Net;
using System.Text;

namespace SgLambda.Aws.Tests.Support;

/// <summary>
/// An HTTP handler that answers from a function instead of the network and records every request, so
/// tests see exactly what the SDK or the RDS client sent.
/// </summary>
public sealed class StubHttpHandler(Func<RecordedRequest, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate) return [.. _requests];
        }
    }

    public static HttpResponseMessage Xml(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers) headers[header.Key] = string.Join(",", header.Value);
        if (request.Content is not null)
            foreach (var header in request.Content.Headers) headers[header.Key] = string.Join(",", header.Value);
        if (request.Headers.Host is { } host) headers["Host"] = host;
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body);
        lock (_gate) _requests.Add(recorded);
        return answer(recorded);
    }
}
