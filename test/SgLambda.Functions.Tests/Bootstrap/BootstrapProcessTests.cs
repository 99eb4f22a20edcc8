using System.Text.Json.Nodes;
using SgLambda.Emulators.Lambda;
using SgLambda.Functions.Lambda;

namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>
/// The bootstrap as Lambda runs it: a process (the Native AOT binary, and the JIT build for comparison) with
/// <c>AWS_LAMBDA_RUNTIME_API</c> pointing at the loopback Runtime API, in offline mode (the tutorial's AWS
/// snapshot and a cluster List file), so it needs neither AWS nor a cluster.
/// </summary>
[TestFixture(BootstrapBuild.Aot)]
[TestFixture(BootstrapBuild.Jit)]
public sealed class BootstrapProcessTests(string build)
{
    // The first AOT test may publish the binary; every other await completes as soon as the process answers.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private RuntimeApiEmulator _emulator = null!;
    private string _folder = "";
    private string _cluster = "";

    [OneTimeSetUp]
    public async Task BuildOnce() => await BootstrapBuild.CommandAsync(build);

    [SetUp]
    public async Task Start()
    {
        _emulator = await RuntimeApiEmulator.StartAsync();
        _folder = Directory.CreateTempSubdirectory("sglambda-bootstrap-").FullName;
        _cluster = Path.Combine(_folder, "cluster.json");
        await File.WriteAllTextAsync(_cluster, """{"apiVersion":"v1","kind":"List","items":[]}""");
    }

    [TearDown]
    public async Task Stop()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<BootstrapProcess> StartAsync(string handler) => BootstrapProcess.StartAsync(build, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EnvironmentVariables.RuntimeApi] = _emulator.RuntimeApi,
        [EnvironmentVariables.Handler] = handler,
        [EnvironmentVariables.FunctionName] = "sglambda-change-handler",
        [EnvironmentVariables.OfflineAwsSnapshot] = RepositoryFiles.Tutorial,
        [EnvironmentVariables.OfflineClusterSnapshot] = _cluster,
    });

    private static async Task<RuntimeInvocationOutcome> Answer(Task<RuntimeInvocationOutcome> outcome, BootstrapProcess process)
    {
        try
        {
            return await outcome.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail("no answer from the bootstrap; its output:\n" + process.Output);
            throw;
        }
    }

    private static string Status(RuntimeInvocationOutcome outcome, BootstrapProcess process)
    {
        Assert.That(outcome.Error, Is.Null, process.Output);
        return JsonNode.Parse(outcome.Response!)!["status"]!.GetValue<string>();
    }

    private IEnumerable<string> ClusterObjectNames() =>
        JsonNode.Parse(File.ReadAllText(_cluster))!["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>());

    [Test]
    public async Task Events_are_applied_to_the_cluster_and_a_bad_one_does_not_end_the_process()
    {
        using var process = await StartAsync("SgLambda.Functions::SgLambda.Functions.ChangeHandler::HandleAsync");

        var applied = await Answer(_emulator.Enqueue(new RuntimeInvocation(RepositoryFiles.Event("ec2-authorize-security-group-ingress.json")) { RequestId = "req-ingress" }), process);
        Assert.That(Status(applied, process), Is.EqualTo("applied"));
        Assert.That(ClusterObjectNames(), Is.EquivalentTo(new[] { "sg-local.sg-98765432109876", "sg-remote.address-peers-8", "sg-remote.for-sg-12345678901234" }));

        var malformed = await Answer(_emulator.Enqueue("not json at all"), process);
        Assert.That(Status(malformed, process), Is.EqualTo("skipped"));

        // A cluster that cannot be written to: the plan fails, the error goes to the invocation-error endpoint.
        Directory.CreateDirectory(_cluster + ".tmp");
        var failed = await Answer(_emulator.Enqueue(RepositoryFiles.Event("ec2-run-instances.json")), process);
        Assert.That(failed.Error, Is.Not.Null, process.Output);
        var error = JsonNode.Parse(failed.Error!.Body)!;
        Assert.That(failed.Error.ErrorType, Is.EqualTo(error["errorType"]!.GetValue<string>()));
        Assert.That(failed.Error.ErrorType, Is.EqualTo("UnauthorizedAccessException"), "writing over a directory");
        Assert.That(error["errorMessage"]!.GetValue<string>(), Does.Contain("cluster.json.tmp"));
        Directory.Delete(_cluster + ".tmp");

        var replayed = await Answer(_emulator.Enqueue(RepositoryFiles.Event("ec2-authorize-security-group-ingress.json")), process);
        Assert.That(Status(replayed, process), Is.EqualTo("unchanged"));
        Assert.That(process.Output, Does.Contain("\"requestId\":\"req-ingress\""));

        // Lambda gone (the Runtime API answers 500): the process exits by itself.
        await _emulator.DisposeAsync();
        Assert.That(await process.ExitCodeAsync(Patience), Is.EqualTo(LambdaBootstrap.RuntimeApiFailedExitCode), process.Output);
    }

    [Test]
    public async Task A_bad_handler_string_is_reported_as_an_init_error_and_the_process_exits()
    {
        using var process = await StartAsync("Nope");

        var error = await _emulator.InitError.WaitAsync(Patience);

        Assert.That(error.ErrorType, Is.EqualTo("ConfigurationException"));
        Assert.That(JsonNode.Parse(error.Body)!["errorMessage"]!.GetValue<string>(), Does.StartWith("_HANDLER: unknown handler 'Nope'"));
        Assert.That(await process.ExitCodeAsync(Patience), Is.EqualTo(LambdaBootstrap.InitFailedExitCode), process.Output);
        Assert.That(_emulator.InvocationsHandedOut, Is.Zero);
    }

    [Test]
    public async Task A_missing_cluster_snapshot_is_reported_as_an_init_error_naming_the_variable()
    {
        File.Delete(_cluster);
        using var process = await StartAsync("ChangeHandler");

        var error = await _emulator.InitError.WaitAsync(Patience);

        Assert.That(JsonNode.Parse(error.Body)!["errorMessage"]!.GetValue<string>(), Is.EqualTo($"SGLAMBDA_OFFLINE_CLUSTER_SNAPSHOT: {_cluster}: no such file"));
        Assert.That(await process.ExitCodeAsync(Patience), Is.EqualTo(LambdaBootstrap.InitFailedExitCode), process.Output);
    }
}
