using Amazon.Runtime;
using Amazon.SQS.Model;
using SgLambda.Aws.Health;
using SgLambda.Aws.Logs;
using SgLambda.Emulators.Aws.Json;

namespace SgLambda.Aws.Tests.Health;

/// <summary>The dead-letter and error-log readers through AWSSDK.SQS and the JSON 1.1 Logs client, against the emulator.</summary>
public sealed class HealthReadersAgainstEmulatorTests
{
    private static readonly BasicAWSCredentials Credentials = new("AKIDEXAMPLE", "secret");
    private OperationsEmulator _emulator = null!;

    [SetUp]
    public async Task Start() => _emulator = await OperationsEmulator.StartAsync();

    [TearDown]
    public async Task Stop() => await _emulator.DisposeAsync();

    private Func<string, string?> Endpoints => name => name == "AWS_ENDPOINT_URL" ? _emulator.ServiceUrl : null;

    [Test]
    public async Task The_queue_depth_is_approximate_number_of_messages()
    {
        var url = _emulator.State.CreateQueue("dlq");
        _emulator.State.AddMessages(url, 5);
        using var sqs = HealthClients.CreateSqsClient("us-west-2", Endpoints, Credentials);

        var state = await new DeadLetterQueueReader(sqs).ReadAsync(url, CancellationToken.None);

        Assert.That(state.ApproximateNumberOfMessages, Is.EqualTo(5));
    }

    [Test]
    public async Task A_missing_queue_is_the_sdks_queue_does_not_exist()
    {
        using var sqs = HealthClients.CreateSqsClient("us-west-2", Endpoints, Credentials);
        await Assert.ThrowsAsync<QueueDoesNotExistException>(() => new DeadLetterQueueReader(sqs).ReadAsync(_emulator.ServiceUrl + "/111122223333/none", CancellationToken.None));
    }

    [Test]
    public async Task Error_lines_of_the_last_hour_are_counted_across_pages_with_the_first_as_samples()
    {
        var now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
            _emulator.State.PutLogEvent("/aws/lambda/f", "s", now.AddMinutes(-50 + i), $$"""{"level":"Error","message":"failure {{i}}"}""");
        _emulator.State.PutLogEvent("/aws/lambda/f", "s", now.AddMinutes(-5), """{"level":"Warning","message":"slow"}""");
        _emulator.State.PutLogEvent("/aws/lambda/f", "s", now.AddMinutes(-61), """{"level":"Error","message":"too old"}""");
        _emulator.State.PutLogEvent("/aws/lambda/f", "s", now.AddMinutes(-4), "START RequestId: 1 level Error");
        using var logs = new PagingLogs(HealthClients.CreateLogsClient("us-west-2", Endpoints, Credentials), pageSize: 3);

        var errors = await new FunctionErrorReader(logs, new FixedTime(now)).ReadAsync("/aws/lambda/f", CancellationToken.None);

        Assert.That((errors.Exists, errors.ErrorCount), Is.EqualTo((true, 7)));
        Assert.That(errors.Samples, Is.EqualTo(new[] { 0, 1, 2 }.Select(i => $$"""{"level":"Error","message":"failure {{i}}"}""")));
        Assert.That(logs.Pages, Is.EqualTo(3));
    }

    [Test]
    public async Task A_missing_log_group_is_reported_as_absent()
    {
        using var logs = HealthClients.CreateLogsClient("us-west-2", Endpoints, Credentials);
        var errors = await new FunctionErrorReader(logs).ReadAsync("/aws/lambda/never-ran", CancellationToken.None);
        Assert.That(errors.Exists, Is.False);
    }

    [Test]
    public void Other_errors_keep_their_code()
    {
        var error = CloudWatchLogsJsonClient.Error("""{"__type":"com.amazonaws.logs#ThrottlingException","message":"Rate exceeded"}""", System.Net.HttpStatusCode.BadRequest, "r-1");
        Assert.That((error.ErrorCode, error.Message, error.RequestId), Is.EqualTo(("ThrottlingException", "Rate exceeded", "r-1")));
    }

    /// <summary>Forces small pages, so the reader's paging is exercised.</summary>
    private sealed class PagingLogs(IAmazonCloudWatchLogs inner, int pageSize) : IAmazonCloudWatchLogs
    {
        public int Pages { get; private set; }

        public Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken = default)
        {
            Pages++;
            return inner.FilterLogEventsAsync(request with { Limit = pageSize }, cancellationToken);
        }

        public void Dispose() => inner.Dispose();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
