using FsCheck;
using FsCheck.Fluent;
using SgLambda.Core.Events;
using static SgLambda.TestSupport.Events.EventFiles;
using SgLambda.TestSupport.Events;

namespace SgLambda.Core.Tests.Events;

/// <summary>
/// Laws of the classifier over arbitrary input: it never throws, a skipped event affects nothing and an
/// affecting one says why, a malformed one says so, and every id it returns is an id of its kind.
/// </summary>
public class PropertyTests
{
    private static readonly IReadOnlyList<string> RealEvents =
        [.. InfraEventNames.Select(InfraEvent), .. FixtureNames.Select(Fixture)];

    private static bool Lawful(string input)
    {
        var result = EventClassifier.Classify(input, EventFiles.Config);
        var affected = result.Affected;
        var consistent = result.IsSkipped
            ? affected.IsEmpty && result.SkipReason!.Length > 0
            : !affected.IsEmpty && !string.IsNullOrEmpty(result.Reason);
        return consistent
            && affected.SecurityGroups.All(id => IsId(id, "sg-"))
            && affected.NetworkInterfaces.All(id => IsId(id, "eni-"))
            && affected.Instances.All(id => IsId(id, "i-"))
            && affected.PrefixLists.All(id => IsId(id, "pl-"))
            && affected.NetworkInterfaceAttachments.All(id => IsId(id, "eni-attach-"))
            && affected.DbInstances.Concat(affected.DbClusters).All(id => id.Length > 0 && id.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c == '-'));
    }

    private static bool IsId(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length && !id.Any(char.IsWhiteSpace);

    [FsCheck.NUnit.Property(MaxTest = 1000)]
    public Property Any_text_is_classified_lawfully() =>
        Prop.ForAll(JsonFuzz.Text.ToArbitrary(), Lawful);

    [FsCheck.NUnit.Property(MaxTest = 1000)]
    public Property Any_event_of_a_handled_kind_is_classified_lawfully() =>
        Prop.ForAll(JsonFuzz.Envelope.ToArbitrary(), Lawful);

    [FsCheck.NUnit.Property(MaxTest = 1000)]
    public Property Any_mutation_of_a_real_event_is_classified_lawfully() =>
        Prop.ForAll(JsonFuzz.MutatedEvent(RealEvents).ToArbitrary(), Lawful);

    /// <summary>The CloudTrail records inside the real events, as a trail's log file holds them.</summary>
    private static readonly IReadOnlyList<string> RealRecords =
        [.. RealEvents.Select(text => System.Text.Json.Nodes.JsonNode.Parse(text)!["detail"])
            .Where(detail => detail?["eventName"] is not null).Select(detail => detail!.ToJsonString())];

    [FsCheck.NUnit.Property(MaxTest = 1000)]
    public Property Any_mutation_of_a_real_bare_cloudtrail_record_is_classified_lawfully() =>
        Prop.ForAll(JsonFuzz.MutatedEvent(RealRecords).ToArbitrary(), Lawful);

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property A_real_event_with_its_ids_padded_classifies_the_same() =>
        Prop.ForAll(Gen.Elements(InfraEventNames.ToArray()).ToArbitrary(), file =>
        {
            var text = InfraEvent(file);
            var padded = System.Text.RegularExpressions.Regex.Replace(text, "\"((?:sg|i|eni|pl)-[0-9a-z-]+)\"", "\" $1\\t\"");
            var original = EventClassifier.Classify(text, EventFiles.Config);
            var result = EventClassifier.Classify(padded, EventFiles.Config);
            return Expected.Describe(result.Affected).SequenceEqual(Expected.Describe(original.Affected)) && !result.IsSkipped;
        });

    [Test]
    public void A_repeated_key_is_read_as_JSON_readers_do_and_does_not_throw()
    {
        var text = InfraEvent("ec2-delete-security-group.json").TrimEnd()[..^1] + ",\"detail\":{\"eventName\":\"DeleteSecurityGroup\",\"requestParameters\":{\"groupId\":\"sg-0a\"}}}";

        var result = EventClassifier.Classify(text, EventFiles.Config);

        Assert.That(result.Affected.SecurityGroups, Is.EqualTo(new[] { "sg-0a" }));
    }

    [Test]
    public void Very_deep_JSON_is_skipped_as_malformed()
    {
        var text = new string('[', 500) + new string(']', 500);

        Assert.That(EventClassifier.Classify(text, EventFiles.Config).SkipReason, Does.StartWith("malformed event: not valid JSON"));
    }
}
