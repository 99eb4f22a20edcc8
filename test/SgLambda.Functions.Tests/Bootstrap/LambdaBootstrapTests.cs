using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Core.Ports;
using SgLambda.Emulators.Lambda;
using SgLambda.Functions.Lambda;
using SgLambda.Functions.Observability;

namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary><see cref="LambdaBootstrap"/> in process, against the loopback Runtime API, serving the change handler.</summary>
public sealed class LambdaBootstrapTests
{
    // A safety net for a broken loop, not a wait: every await below completes as soon as the runtime answers.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private RuntimeApiEmulator _emulator = null!;
    private TutorialFunction _tutorial = null!;
    private StringWriter _bootstrapLog = null!;

    [SetUp]
    public async Task StartEmulator()
    {
        _emulator = await RuntimeApiEmulator.StartAsync();
        _tutorial = new TutorialFunction();
        _bootstrapLog = new StringWriter(CultureInfo.InvariantCulture);
    }

    [TearDown]
    public async Task StopEmulator()
    {
        await _emulator.DisposeAsync();
        _tutorial.Dispose();
        _bootstrapLog.Dispose();
    }

    private LambdaBootstrap Bootstrap(Func<LambdaHandler> factory, int? invocations) =>
        new(factory, new RuntimeApiClient(_emulator.RuntimeApi), "sglambda-change-handler", new StructuredLogger(_bootstrapLog, LogLevel.Debug, TimeProvider.System), TimeProvider.System)
        {
            InvocationLimit = invocations,
        };

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    [Test]
    public async Task An_event_is_planned_applied_to_the_cluster_and_answered_with_its_status()
    {
        var outcome = _emulator.Enqueue(new RuntimeInvocation(RepositoryFiles.Event("ec2-authorize-security-group-ingress.json")) { RequestId = "req-ingress-1" });
        using var bootstrap = Bootstrap(() => _tutorial.ChangeHandler().InvokeAsync, invocations: 1);

        var exitCode = await bootstrap.RunAsync().WaitAsync(Patience);

        Assert.That(exitCode, Is.Zero);
        var result = await outcome.WaitAsync(Patience);
        Assert.That(result.Error, Is.Null);
        var response = Json(result.Response!);
        Assert.That(response["status"]!.GetValue<string>(), Is.EqualTo("applied"));
        Assert.That(response["eventId"]!.GetValue<string>(), Is.EqualTo("ce005488-c6ff-e27b-0086-56571009cb81"));
        Assert.That(response["applied"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(_tutorial.Store.Objects.Select(o => o.Key.Name), Is.EquivalentTo(new[]
        {
            "sg-local.sg-98765432109876", "sg-remote.address-peers-8", "sg-remote.for-sg-12345678901234",
        }));
        Assert.That(_tutorial.Store.Objects, Has.All.InstanceOf<GlobalNetworkPolicy>());
        // The function logged under the request id the Runtime API handed out.
        Assert.That(_tutorial.Log.ToString(), Does.Contain("\"requestId\":\"req-ingress-1\""));
    }

    [Test]
    public async Task The_context_and_the_trace_variable_come_from_the_next_invocations_headers()
    {
        var invocation = new RuntimeInvocation("{}")
        {
            RequestId = "req-context",
            Timeout = TimeSpan.FromSeconds(42),
            InvokedFunctionArn = "arn:aws:lambda:us-west-2:111122223333:function:sglambda-change-handler:live",
            TraceId = "Root=1-00000000-000000000000000000000001;Sampled=1",
        };
        var outcome = _emulator.Enqueue(invocation);
        (string RequestId, string Arn, string Name, TimeSpan Remaining, string? Trace)? seen = null;
        using var bootstrap = Bootstrap(() => (input, context) =>
        {
            seen = (context.AwsRequestId, context.InvokedFunctionArn, context.FunctionName, context.RemainingTime,
                Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"));
            return Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes("\"ok\"")));
        }, invocations: 1);

        await bootstrap.RunAsync().WaitAsync(Patience);

        Assert.That((await outcome.WaitAsync(Patience)).Response, Is.EqualTo("\"ok\""));
        Assert.That(seen, Is.Not.Null);
        var (requestId, arn, name, remaining, trace) = seen!.Value;
        Assert.That(requestId, Is.EqualTo("req-context"));
        Assert.That(arn, Is.EqualTo(invocation.InvokedFunctionArn));
        Assert.That(name, Is.EqualTo("sglambda-change-handler"));
        Assert.That(trace, Is.EqualTo(invocation.TraceId));
        // The deadline header has millisecond precision and the handler ran after the hand-out.
        Assert.That(remaining, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(42)).And.GreaterThan(TimeSpan.FromSeconds(30)));
    }

    [TestCase("not json at all")]
    [TestCase("""{"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.ec2","detail":[]}""")]
    public async Task A_malformed_event_is_answered_skipped_and_changes_nothing(string body)
    {
        var outcome = _emulator.Enqueue(body);
        using var bootstrap = Bootstrap(() => _tutorial.ChangeHandler().InvokeAsync, invocations: 1);

        await bootstrap.RunAsync().WaitAsync(Patience);

        var response = Json((await outcome.WaitAsync(Patience)).Response!);
        Assert.That(response["status"]!.GetValue<string>(), Is.EqualTo("skipped"));
        Assert.That(response["reason"]!.GetValue<string>(), Does.StartWith("malformed event"));
        Assert.That(_tutorial.Store.Writes, Is.Zero);
    }

    [Test]
    public async Task A_failing_invocation_posts_its_error_and_the_loop_serves_the_next_one()
    {
        using var unreachable = new TutorialFunction(new UnreachableCluster());
        var failed = _emulator.Enqueue(new RuntimeInvocation(RepositoryFiles.Event("ec2-authorize-security-group-ingress.json")) { RequestId = "req-fails" });
        var next = _emulator.Enqueue(new RuntimeInvocation("not json at all") { RequestId = "req-after" });
        using var bootstrap = Bootstrap(() => unreachable.ChangeHandler().InvokeAsync, invocations: 2);

        var exitCode = await bootstrap.RunAsync().WaitAsync(Patience);

        Assert.That(exitCode, Is.Zero);
        var error = (await failed.WaitAsync(Patience)).Error;
        Assert.That(error, Is.Not.Null);
        Assert.That(error!.ErrorType, Is.EqualTo("HttpRequestException"));
        Assert.That(error.ContentType, Is.EqualTo("application/vnd.aws.lambda.error+json"));
        var document = Json(error.Body);
        Assert.That(document["errorType"]!.GetValue<string>(), Is.EqualTo("HttpRequestException"));
        Assert.That(document["errorMessage"]!.GetValue<string>(), Is.EqualTo("connection refused"));
        Assert.That(document["stackTrace"]!.AsArray().Select(f => f!.GetValue<string>()), Has.Some.Contains("UnreachableCluster"));
        var served = await next.WaitAsync(Patience);
        Assert.That(Json(served.Response!)["status"]!.GetValue<string>(), Is.EqualTo("skipped"));
        Assert.That(_emulator.Outcomes.Select(o => o.RequestId), Is.EqualTo(new[] { "req-fails", "req-after" }));
    }

    [Test]
    public async Task A_configuration_error_at_init_is_posted_to_init_error_and_ends_the_loop()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { [EnvironmentVariables.ClusterName] = "sglambda-tutorial" };
        var waiting = _emulator.Enqueue(RepositoryFiles.Event("ec2-authorize-security-group-ingress.json"));
        using var bootstrap = Bootstrap(() => LambdaHandlers.Create("ChangeHandler", () =>
            new FunctionComposition(FunctionSettingsReader.Read(name => environment.GetValueOrDefault(name)), _tutorial.Composition.Engine, _tutorial.Composition.Logger, TimeProvider.System)), invocations: null);

        var exitCode = await bootstrap.RunAsync().WaitAsync(Patience);

        Assert.That(exitCode, Is.EqualTo(LambdaBootstrap.InitFailedExitCode));
        var error = await _emulator.InitError.WaitAsync(Patience);
        Assert.That(error.ErrorType, Is.EqualTo("ConfigurationException"));
        Assert.That(Json(error.Body)["errorMessage"]!.GetValue<string>(), Is.EqualTo("SGLAMBDA_VPC_ID: required: the cluster's VPC id (vpc-...)"));
        // Lambda answers the waiting invocation with the init error; no invocation was ever handed out.
        Assert.That((await waiting.WaitAsync(Patience)).Error, Is.EqualTo(error));
        Assert.That(_emulator.InvocationsHandedOut, Is.Zero);
    }

    [Test]
    public async Task An_unknown_handler_string_is_an_init_error_naming_the_variable()
    {
        using var bootstrap = Bootstrap(() => LambdaHandlers.Create("SgLambda.Functions::SgLambda.Functions.Admission::HandleAsync", () => _tutorial.Composition), invocations: null);

        Assert.That(await bootstrap.RunAsync().WaitAsync(Patience), Is.EqualTo(LambdaBootstrap.InitFailedExitCode));

        var message = Json((await _emulator.InitError.WaitAsync(Patience)).Body)["errorMessage"]!.GetValue<string>();
        Assert.That(message, Does.StartWith("_HANDLER: unknown handler 'SgLambda.Functions::SgLambda.Functions.Admission::HandleAsync'"));
    }

    [Test]
    public async Task When_the_runtime_api_stops_the_loop_exits_with_its_own_code()
    {
        using var bootstrap = Bootstrap(() => _tutorial.ChangeHandler().InvokeAsync, invocations: null);
        var running = bootstrap.RunAsync();
        await _emulator.FirstNextRequest.WaitAsync(Patience);

        await _emulator.DisposeAsync();

        Assert.That(await running.WaitAsync(Patience), Is.EqualTo(LambdaBootstrap.RuntimeApiFailedExitCode));
        Assert.That(_bootstrapLog.ToString(), Does.Contain("Runtime API failed; exiting"));
    }

    [Test]
    public async Task Cancelling_stops_a_loop_waiting_for_the_next_invocation()
    {
        using var cancel = new CancellationTokenSource();
        using var bootstrap = Bootstrap(() => _tutorial.ChangeHandler().InvokeAsync, invocations: null);
        var running = bootstrap.RunAsync(cancel.Token);
        await _emulator.FirstNextRequest.WaitAsync(Patience);

        await cancel.CancelAsync();

        Assert.That(await running.WaitAsync(Patience), Is.Zero);
        Assert.That(_emulator.InvocationsHandedOut, Is.Zero);
    }

    private sealed class UnreachableCluster : ICalicoStore
    {
        public Task<IReadOnlyList<CalicoObject>> ListAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection refused");

        public Task<CalicoListing> ListVersionedAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection refused");

        public Task ApplyAsync(CalicoObject value, CancellationToken cancellationToken) => throw new HttpRequestException("connection refused");

        public Task<bool> ApplyIfUnchangedAsync(CalicoObject value, WritePrecondition precondition, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection refused");

        public Task DeleteAsync(ObjectKey key, string? resourceVersion, CancellationToken cancellationToken) => throw new HttpRequestException("connection refused");
    }
}
