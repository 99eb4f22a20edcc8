namespace SgLambda.Emulators.Aws.Json;

/// <summary>The queues and log groups an <see cref="OperationsEmulator"/> holds; seeded directly by tests.</summary>
public sealed class OperationsEmulatorState
{
    private readonly Dictionary<string, int> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StoredLogEvent>> _logGroups = new(StringComparer.Ordinal);

    internal Lock Gate { get; } = new();

    internal string BaseUrl { get; set; } = "";

    public string AccountId { get; init; } = "111122223333";

    public string Region { get; init; } = "us-west-2";

    /// <summary>Creates an empty queue and returns its URL (<c>{service}/{account}/{name}</c>, as SQS forms them).</summary>
    public string CreateQueue(string name)
    {
        lock (Gate)
        {
            var url = $"{BaseUrl}/{AccountId}/{name}";
            _queues.TryAdd(url, 0);
            return url;
        }
    }

    /// <summary>Adds <paramref name="count"/> messages (what a failed asynchronous invocation leaves).</summary>
    public void AddMessages(string queueUrl, int count)
    {
        lock (Gate) _queues[queueUrl] = _queues.GetValueOrDefault(queueUrl) + count;
    }

    internal bool TryGetDepth(string queueUrl, out int depth)
    {
        lock (Gate) return _queues.TryGetValue(queueUrl, out depth);
    }

    public void CreateLogGroup(string name)
    {
        lock (Gate) _logGroups.TryAdd(name, []);
    }

    /// <summary>Appends a log line to a group (created if needed), as a function's stdout reaches CloudWatch Logs.</summary>
    public void PutLogEvent(string group, string stream, DateTimeOffset timestamp, string message)
    {
        lock (Gate)
        {
            if (!_logGroups.TryGetValue(group, out var events)) _logGroups[group] = events = [];
            events.Add(new StoredLogEvent(stream, timestamp.ToUnixTimeMilliseconds(), message, events.Count));
        }
    }

    internal IReadOnlyList<StoredLogEvent>? Events(string group)
    {
        lock (Gate) return _logGroups.TryGetValue(group, out var events) ? [.. events] : null;
    }
}
