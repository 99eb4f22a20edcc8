using System.Net;

namespace SgLambda.Cli.Tests;

/// <summary>Answers every request with one status, recording what was asked: the webhook's function URL in tests.</summary>
internal sealed class StatusHandler(HttpStatusCode status) : HttpMessageHandler
{
    private readonly List<string> _requests = [];

    public IReadOnlyList<string> Requests => _requests;

    public static StatusHandler Answering(HttpStatusCode status) => new(status);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Add($"{request.Method} {request.RequestUri}");
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("""{"message":"Forbidden"}""") });
    }
}
