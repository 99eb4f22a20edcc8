namespace SgLambda.Functions.Tests.Template;

/// <summary>The matcher follows EventBridge on the subset it documents.</summary>
public class EventPatternMatcherTests
{
    private const string Event = """
        {"source": "aws.ec2", "detail": {"eventName": "RunInstances", "n": 5, "tags": ["a", "b"], "empty": null, "inner": {"x": "y"}}}
        """;

    [TestCase("source: [aws.ec2]", true)]
    [TestCase("source: [aws.rds, aws.ec2]", true, Description = "a list is OR")]
    [TestCase("source: [aws.rds]", false)]
    [TestCase("source: [aws.ec2]\ndetail: {eventName: [RunInstances]}", true)]
    [TestCase("source: [aws.ec2]\ndetail: {eventName: [StopInstances]}", false, Description = "keys are AND")]
    [TestCase("detail: {n: [\"5\"]}", true, Description = "numbers compare as text")]
    [TestCase("detail: {tags: [b]}", true, Description = "an event array matches when any element does")]
    [TestCase("detail: {tags: [c]}", false)]
    [TestCase("detail: {eventName: [{prefix: Run}]}", true)]
    [TestCase("detail: {eventName: [{prefix: Stop}]}", false)]
    [TestCase("detail: {errorCode: [{exists: false}]}", true)]
    [TestCase("detail: {errorCode: [{exists: true}]}", false)]
    [TestCase("detail: {eventName: [{exists: false}]}", false)]
    [TestCase("detail: {eventName: [{exists: true}]}", true)]
    [TestCase("detail: {empty: [{exists: true}]}", true, Description = "a JSON null is present")]
    [TestCase("detail: {empty: [\"null\"]}", false)]
    [TestCase("detail: {eventName: [{anything-but: StopInstances}]}", true)]
    [TestCase("detail: {eventName: [{anything-but: [RunInstances, StopInstances]}]}", false)]
    [TestCase("detail: {eventName: [{anything-but: {prefix: Run}}]}", false)]
    [TestCase("detail: {missing: [{anything-but: x}]}", false, Description = "anything-but needs the field")]
    [TestCase("detail: {inner: {x: [y]}}", true)]
    [TestCase("detail: {inner: {x: [z]}}", false)]
    [TestCase("detail: {nothing: {x: [{exists: false}]}}", true, Description = "a nested pattern over a missing object")]
    [TestCase("detail: {nothing: {x: [y]}}", false)]
    [TestCase("missing: [aws.ec2]", false)]
    public void Matches_as_eventbridge_does(string patternYaml, bool expected) =>
        Assert.That(EventPatternMatcher.Matches(CloudFormationYaml.Parse(patternYaml), Event), Is.EqualTo(expected));

    [TestCase("source: aws.ec2", Description = "a leaf must be a list")]
    [TestCase("source: [{numeric: [\">\", \"0\"]}]", Description = "outside the subset")]
    public void A_pattern_outside_the_subset_is_refused(string patternYaml) =>
        Assert.That(() => EventPatternMatcher.Matches(CloudFormationYaml.Parse(patternYaml), Event), Throws.TypeOf<NotSupportedException>());

    [FsCheck.NUnit.Property]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Structure", "NUnit1027", Justification = "FsCheck supplies the arguments.")]
    public bool An_event_matches_the_pattern_of_its_own_values(string[] names, string value)
    {
        // For any field names and value: the event {name: value, ...} matches [value, {exists: false}] (OR), not [{exists: false}] alone.
        if (value is null || names is null) return true;
        var pattern = new Dictionary<string, object?>(StringComparer.Ordinal);
        var eventJson = new System.Text.Json.Nodes.JsonObject();
        foreach (var name in names.Where(n => n is not null).Distinct(StringComparer.Ordinal))
        {
            pattern[name] = new List<object?> { value, new Dictionary<string, object?> { ["exists"] = "false" } };
            eventJson[name] = value;
        }
        var exists = pattern.Keys.ToDictionary(k => k, _ => (object?)new List<object?> { new Dictionary<string, object?> { ["exists"] = "false" } }, StringComparer.Ordinal);
        return EventPatternMatcher.Matches(pattern, eventJson.ToJsonString()) && (exists.Count == 0 || !EventPatternMatcher.Matches(exists, eventJson.ToJsonString()));
    }
}
