using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SgLambda.Emulators.Lambda;

namespace SgLambda.Emulators.Tests.Lambda;

/// <summary>The loopback Runtime API answers as Lambda does (paths, headers, status codes, error documents).</summary>
public sealed class RuntimeApiEmulatorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private RuntimeApiEmulator _emulator = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task Start()
    {
        _emulator = await RuntimeApiEmulator.StartAsync(new FixedTime(Now));
        _http = new HttpClient { BaseAddress = new Uri($"http://{_emulator.RuntimeApi}/2018-06-01/runtime/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    [TearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private Task<HttpResponseMessage> Next() => _http.GetAsync(new Uri("invocation/next", UriKind.Relative));

    private async Task<HttpResponseMessage> Post(string path, string body, string? errorType = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (errorType is not null) request.Headers.Add("Lambda-Runtime-Function-Error-Type", errorType);
        return await _http.SendAsync(request);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> Read(Task<HttpResponseMessage> sending)
    {
        using var response = await sending.WaitAsync(Patience);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    [Test]
    public void The_runtime_api_is_a_loopback_host_and_port()
    {
        Assert.That(_emulator.RuntimeApi, Does.Match(@"^127\.0\.0\.1:[0-9]+$"));
    }

    [Test]
    public async Task Next_hands_out_the_event_with_its_headers()
    {
        var invocation = new RuntimeInvocation("""{"detail":{}}""") { RequestId = "req-1", Timeout = TimeSpan.FromSeconds(3), TraceId = "Root=1-abc;Sampled=1" };
        _ = _emulator.Enqueue(invocation);

        using var response = await Next().WaitAsync(Patience);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"detail":{}}"""));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(Header(response, "Lambda-Runtime-Aws-Request-Id"), Is.EqualTo("req-1"));
        Assert.That(Header(response, "Lambda-Runtime-Deadline-Ms"), Is.EqualTo(Now.AddSeconds(3).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(Header(response, "Lambda-Runtime-Invoked-Function-Arn"), Is.EqualTo(invocation.InvokedFunctionArn));
        Assert.That(Header(response, "Lambda-Runtime-Trace-Id"), Is.EqualTo("Root=1-abc;Sampled=1"));
        Assert.That(_emulator.InvocationsHandedOut, Is.EqualTo(1));
    }

    [Test]
    public async Task Next_waits_until_an_invocation_is_queued()
    {
        var next = Next();
        await _emulator.FirstNextRequest.WaitAsync(Patience);
        Assert.That(next.IsCompleted, Is.False);

        _ = _emulator.Enqueue(new RuntimeInvocation("{}") { RequestId = "late" });

        using var response = await next.WaitAsync(Patience);
        Assert.That(Header(response, "Lambda-Runtime-Aws-Request-Id"), Is.EqualTo("late"));
    }

    [Test]
    public async Task Invocations_are_handed_out_in_the_order_they_were_queued()
    {
        _ = _emulator.Enqueue(new RuntimeInvocation("{}") { RequestId = "first" });
        _ = _emulator.Enqueue(new RuntimeInvocation("{}") { RequestId = "second" });

        using (var first = await Next().WaitAsync(Patience))
            Assert.That(Header(first, "Lambda-Runtime-Aws-Request-Id"), Is.EqualTo("first"));
        (await Post("invocation/first/response", "{}")).Dispose();
        using var second = await Next().WaitAsync(Patience);
        Assert.That(Header(second, "Lambda-Runtime-Aws-Request-Id"), Is.EqualTo("second"));
    }

    [Test]
    public async Task A_response_is_accepted_once_and_completes_the_invocation()
    {
        var outcome = _emulator.Enqueue(new RuntimeInvocation("{}") { RequestId = "req-1" });
        (await Next()).Dispose();

        var (status, body) = await Read(Post("invocation/req-1/response", """{"status":"applied"}"""));
        var (again, againBody) = await Read(Post("invocation/req-1/response", "{}"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(body.ToJsonString(), Is.EqualTo("""{"status":"OK"}"""));
        Assert.That(await outcome.WaitAsync(Patience), Is.EqualTo(new RuntimeInvocationOutcome("req-1", """{"status":"applied"}""", null)));
        Assert.That(again, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(againBody.ToJsonString(), Is.EqualTo("""{"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"}"""));
    }

    [TestCase("response")]
    [TestCase("error")]
    public async Task An_answer_for_a_request_never_handed_out_is_an_invalid_request_id(string kind)
    {
        _ = _emulator.Enqueue(new RuntimeInvocation("{}") { RequestId = "queued-not-handed-out" });

        var (status, body) = await Read(Post($"invocation/queued-not-handed-out/{kind}", "{}"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body["errorType"]!.GetValue<string>(), Is.EqualTo("InvalidRequestID"));
    }

    [Test]
    public async Task An_invocation_error_records_its_type_header_and_body()
    {
        var outcome = _emulator.Enqueue(new RuntimeInvocation("{}") { RequestId = "req-2" });
        (await Next()).Dispose();

        var (status, _) = await Read(Post("invocation/req-2/error", """{"errorMessage":"boom","errorType":"IOException","stackTrace":[]}""", "IOException"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
        var result = await outcome.WaitAsync(Patience);
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Error, Is.EqualTo(new RuntimeErrorReport("IOException", "application/json; charset=utf-8", """{"errorMessage":"boom","errorType":"IOException","stackTrace":[]}""")));
    }

    [Test]
    public async Task Next_while_an_invocation_is_unanswered_is_an_invalid_state_transition()
    {
        _ = _emulator.Enqueue(new RuntimeInvocation("{}") { RequestId = "req-1" });
        _ = _emulator.Enqueue(new RuntimeInvocation("{}") { RequestId = "req-2" });
        (await Next()).Dispose();

        var (status, body) = await Read(Next());

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(body["errorType"]!.GetValue<string>(), Is.EqualTo("InvalidStateTransition"));
    }

    [Test]
    public async Task A_response_above_six_mebibytes_is_refused_with_413_and_fails_the_invocation()
    {
        var outcome = _emulator.Enqueue(new RuntimeInvocation("{}") { RequestId = "big" });
        (await Next()).Dispose();

        var (status, body) = await Read(Post("invocation/big/response", new string('x', RuntimeApiEmulator.MaxPayloadBytes + 1)));

        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(body["errorType"]!.GetValue<string>(), Is.EqualTo("RequestEntityTooLarge"));
        Assert.That((await outcome.WaitAsync(Patience)).Error!.ErrorType, Is.EqualTo("Function.ResponseSizeTooLarge"));
    }

    [Test]
    public async Task A_response_of_exactly_six_mebibytes_is_accepted()
    {
        var outcome = _emulator.Enqueue(new RuntimeInvocation("{}") { RequestId = "limit" });
        (await Next()).Dispose();

        var (status, _) = await Read(Post("invocation/limit/response", new string('x', RuntimeApiEmulator.MaxPayloadBytes)));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await outcome.WaitAsync(Patience)).Response, Has.Length.EqualTo(RuntimeApiEmulator.MaxPayloadBytes));
    }

    [Test]
    public async Task An_init_error_is_recorded_and_answers_the_waiting_invocation()
    {
        var waiting = _emulator.Enqueue("{}");

        var (status, _) = await Read(Post("init/error", """{"errorMessage":"SGLAMBDA_VPC_ID: required","errorType":"ConfigurationException"}""", "ConfigurationException"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
        var report = await _emulator.InitError.WaitAsync(Patience);
        Assert.That(report.ErrorType, Is.EqualTo("ConfigurationException"));
        Assert.That((await waiting.WaitAsync(Patience)).Error, Is.EqualTo(report));
    }

    [Test]
    public async Task An_init_error_after_init_is_an_invalid_state_transition()
    {
        _ = _emulator.Enqueue("{}");
        (await Next()).Dispose();

        var (status, body) = await Read(Post("init/error", "{}", "Runtime.Unknown"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(body["errorType"]!.GetValue<string>(), Is.EqualTo("InvalidStateTransition"));
        Assert.That(_emulator.InitError.IsCompleted, Is.False);
    }

    [Test]
    public async Task Stopping_answers_a_waiting_next_with_500()
    {
        var next = Next();
        await _emulator.FirstNextRequest.WaitAsync(Patience);

        await _emulator.DisposeAsync();

        using var response = await next.WaitAsync(Patience);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [TestCase("GET", "invocation/req/response", HttpStatusCode.MethodNotAllowed)]
    [TestCase("POST", "invocation/next", HttpStatusCode.MethodNotAllowed)]
    [TestCase("GET", "invocation", HttpStatusCode.NotFound)]
    [TestCase("GET", "../2020-01-01/runtime/invocation/next", HttpStatusCode.NotFound)]
    public async Task Other_paths_and_methods_are_refused(string method, string path, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await _http.SendAsync(request).WaitAsync(Patience);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }
}
