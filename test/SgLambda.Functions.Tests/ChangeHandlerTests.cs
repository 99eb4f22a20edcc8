using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Ports;
using SgLambda.Core.Sync;
using SgLambda.Core.Translation;
using SgLambda.Functions.Observability;

namespace SgLambda.Functions.Tests;

public class ChangeHandlerTests
{
    private const string PodSg = "sg-0e7a3c9d5f1b46803";
    private static readonly SgLambdaConfig Config = new() { VpcId = "vpc-0a1b2c3d4e5f60718", AccountId = "111122223333", Region = "us-west-2" };

    private static readonly AwsSnapshot Before = new()
    {
        SecurityGroups = [new SecurityGroup { GroupId = PodSg, VpcId = Config.VpcId }],
        NetworkInterfaces = [],
    };

    private static AwsSnapshot After => Before with
    {
        SecurityGroups = [Before.SecurityGroups[0] with { IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, IpRanges = [new IpRange { CidrIp = "10.0.0.0/16" }] }] }],
    };

    private StringWriter _log = null!;

    [SetUp]
    public void NewLog() => _log = new StringWriter(CultureInfo.InvariantCulture);

    [TearDown]
    public void DisposeLog() => _log.Dispose();

    private static string Event(string eventName, string groupId, string? errorCode = null)
    {
        var error = errorCode is null ? "" : $"\"errorCode\":\"{errorCode}\",";
        var response = errorCode is null ? "{\"_return\":true}" : "null";
        return $$$"""
            {"version":"0","id":"6b8c1a2e-0000-4000-8000-000000000001","detail-type":"AWS API Call via CloudTrail","source":"aws.ec2",
             "account":"111122223333","time":"2026-11-26T12:00:00Z","region":"us-west-2","resources":[],
             "detail":{"eventVersion":"1.08","eventSource":"ec2.amazonaws.com","eventName":"{{{eventName}}}","awsRegion":"us-west-2",{{{error}}}
                       "requestParameters":{"groupId":"{{{groupId}}}","ipPermissions":{"items":[{"ipProtocol":"tcp","fromPort":80,"toPort":80,"ipRanges":{"items":[{"cidrIp":"10.0.0.0/16"}]}}]}},
                       "responseElements":{{{response}}},"eventID":"e1","eventType":"AwsApiCall","recipientAccountId":"111122223333"}}
            """;
    }

    private (ChangeHandler Handler, InMemoryCalicoStore Store) Handler(AwsSnapshot aws, ICalicoStore? failing = null)
    {
        var store = new InMemoryCalicoStore(Translator.Render(Before, Config).Objects);
        var inventory = new SnapshotInventory(aws, Config);
        var engine = new SyncEngine(inventory, inventory, failing ?? store, Config, SyncEngineOptions.CalicoOnly);
        return (new ChangeHandler(Config, engine, new StructuredLogger(_log, LogLevel.Debug, TimeProvider.System), TimeProvider.System), store);
    }

    private static async Task<JsonObject> Invoke(ChangeHandler handler, string body)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(body));
        using var output = await handler.InvokeAsync(input, new TestLambdaContext());
        return JsonNode.Parse(output)!.AsObject();
    }

    private List<JsonObject> LogLines() => [.. _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];

    [Test]
    public async Task A_rule_change_applies_the_groups_policies_and_logs_and_counts_it()
    {
        var (handler, store) = Handler(After);
        var writesBefore = store.Writes;

        var response = await Invoke(handler, Event("AuthorizeSecurityGroupIngress", PodSg));

        Assert.That(response["status"]!.GetValue<string>(), Is.EqualTo("applied"));
        Assert.That(response["applied"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(store.Writes - writesBefore, Is.EqualTo(2));
        Assert.That(Translator.Render(After, Config).Objects.All(o => store.Objects.Any(s => s.Key == o.Key)), Is.True);
        var line = LogLines().Single(l => l["message"]?.GetValue<string>() == "event applied");
        Assert.That(line["eventId"]!.GetValue<string>(), Is.EqualTo("6b8c1a2e-0000-4000-8000-000000000001"));
        Assert.That(line["eventName"]!.GetValue<string>(), Is.EqualTo("AuthorizeSecurityGroupIngress"));
        Assert.That(line["affected"]!["securityGroups"]!.ToJsonString(), Is.EqualTo($"[\"{PodSg}\"]"));
        Assert.That(line["requestId"]!.GetValue<string>(), Is.EqualTo("test-request-1"));
        var metrics = LogLines().Single(l => l["_aws"] is not null);
        Assert.That(metrics["EventsHandled"]!.GetValue<double>(), Is.EqualTo(1));
        Assert.That(metrics["ObjectsApplied"]!.GetValue<double>(), Is.EqualTo(2));
        Assert.That(metrics["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"]!.GetValue<string>(), Is.EqualTo("SgLambda"));
    }

    [Test]
    public async Task A_replayed_event_writes_nothing()
    {
        var (handler, store) = Handler(After);
        await Invoke(handler, Event("AuthorizeSecurityGroupIngress", PodSg));
        var writes = store.Writes;

        var response = await Invoke(handler, Event("AuthorizeSecurityGroupIngress", PodSg));

        Assert.That(response["status"]!.GetValue<string>(), Is.EqualTo("unchanged"));
        Assert.That(store.Writes, Is.EqualTo(writes));
    }

    [TestCase("not json at all", "malformed event")]
    [TestCase("""{"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.ec2","detail":[]}""", "malformed event")]
    public async Task A_malformed_event_is_logged_and_skipped_without_touching_the_cluster(string body, string reason)
    {
        var (handler, store) = Handler(After);
        var writes = store.Writes;

        var response = await Invoke(handler, body);

        Assert.That(response["status"]!.GetValue<string>(), Is.EqualTo("skipped"));
        Assert.That(response["reason"]!.GetValue<string>(), Does.StartWith(reason));
        Assert.That(store.Writes, Is.EqualTo(writes));
        Assert.That(LogLines().Single(l => l["_aws"] is not null)["EventsSkipped"]!.GetValue<double>(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_api_call_is_skipped()
    {
        var (handler, _) = Handler(After);
        var response = await Invoke(handler, Event("AuthorizeSecurityGroupIngress", PodSg, errorCode: "Client.UnauthorizedOperation"));
        Assert.That(response["status"]!.GetValue<string>(), Is.EqualTo("skipped"));
        Assert.That(response["reason"]!.GetValue<string>(), Does.Contain("Client.UnauthorizedOperation"));
    }

    [Test]
    public async Task When_the_cluster_cannot_be_reached_the_error_is_logged_counted_and_rethrown_for_lambda_to_retry()
    {
        var (handler, _) = Handler(After, new UnreachableStore());

        await Assert.ThrowsAsync<HttpRequestException>(() => Invoke(handler, Event("AuthorizeSecurityGroupIngress", PodSg)));
        Assert.That(LogLines().Single(l => l["level"]?.GetValue<string>() == "Error")["error"]!.GetValue<string>(), Does.Contain("connection refused"));
        Assert.That(LogLines().Single(l => l["_aws"] is not null)["EventsFailed"]!.GetValue<double>(), Is.EqualTo(1));
    }

    /// <summary>An SQS event source batch around EventBridge events, as Lambda's SQS example event shows it.</summary>
    private static string SqsBatch(params (string MessageId, string Body)[] messages) => new JsonObject
    {
        ["Records"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject
        {
            ["messageId"] = m.MessageId,
            ["receiptHandle"] = "AQEB" + m.MessageId,
            ["body"] = m.Body,
            ["attributes"] = new JsonObject { ["ApproximateReceiveCount"] = "1", ["SentTimestamp"] = "1764158400000" },
            ["messageAttributes"] = new JsonObject(),
            ["md5OfBody"] = "0123456789abcdef0123456789abcdef",
            ["eventSource"] = "aws:sqs",
            ["eventSourceARN"] = "arn:aws:sqs:us-west-2:111122223333:sglambda-changes",
            ["awsRegion"] = "us-west-2",
        })]),
    }.ToJsonString();

    private static List<string> Retried(JsonObject response) =>
        [.. response["batchItemFailures"]!.AsArray().Select(f => f!["itemIdentifier"]!.GetValue<string>())];

    [Test]
    public async Task A_batch_is_applied_as_one_plan_and_acknowledged()
    {
        var (handler, store) = Handler(After);
        var writesBefore = store.Writes;

        var response = await Invoke(handler, SqsBatch(
            ("m1", Event("AuthorizeSecurityGroupIngress", PodSg)),
            ("m2", Event("AuthorizeSecurityGroupIngress", PodSg)),
            ("m3", Event("AuthorizeSecurityGroupIngress", PodSg, "Client.UnauthorizedOperation"))));

        Assert.That(Retried(response), Is.Empty);
        Assert.That(store.Writes - writesBefore, Is.EqualTo(2), "two events of one SG: its two policies written once");
        Assert.That(LogLines().Single(l => l["message"]?.GetValue<string>() == "batch applied")["messages"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(LogLines().Count(l => l["message"]?.GetValue<string>() == "event skipped"), Is.EqualTo(1));
    }

    [Test]
    public async Task When_a_batch_fails_its_handled_messages_are_reported_for_retry_and_its_skipped_ones_are_not()
    {
        var (handler, _) = Handler(After, new UnreachableStore());

        var response = await Invoke(handler, SqsBatch(
            ("m1", Event("AuthorizeSecurityGroupIngress", PodSg)),
            ("m2", "not json"),
            ("m3", Event("RevokeSecurityGroupIngress", PodSg))));

        Assert.That(Retried(response), Is.EqualTo(new[] { "m1", "m3" }));
        Assert.That(LogLines().Single(l => l["_aws"] is not null)["EventsFailed"]!.GetValue<double>(), Is.EqualTo(2));
    }

    [Test]
    public async Task With_a_change_queue_an_eventbridge_event_is_parked_there_and_nothing_is_applied()
    {
        var store = new InMemoryCalicoStore(Translator.Render(Before, Config).Objects);
        var inventory = new SnapshotInventory(After, Config);
        var queue = new RecordingQueue();
        var handler = new ChangeHandler(Config, new SyncEngine(inventory, inventory, store, Config, SyncEngineOptions.CalicoOnly), new StructuredLogger(_log, LogLevel.Debug, TimeProvider.System), TimeProvider.System, queue);
        var writesBefore = store.Writes;
        var body = Event("AuthorizeSecurityGroupIngress", PodSg);

        var response = await Invoke(handler, body);

        Assert.That(response["status"]!.GetValue<string>(), Is.EqualTo("queued"));
        Assert.That(queue.Sent, Is.EqualTo(new[] { body }));
        Assert.That(store.Writes, Is.EqualTo(writesBefore));
    }

    private sealed class RecordingQueue : IEventQueue
    {
        public List<string> Sent { get; } = [];

        public Task SendAsync(string eventJson, CancellationToken cancellationToken)
        {
            Sent.Add(eventJson);
            return Task.CompletedTask;
        }
    }

    private sealed class UnreachableStore : ICalicoStore
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
