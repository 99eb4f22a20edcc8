using SgLambda.Core.Events;
using static SgLambda.TestSupport.Events.EventFiles;

namespace SgLambda.Core.Tests.Events;

/// <summary>CloudTrail's irregular shapes (fixtures beside these tests) are read as AWS sends them.</summary>
public class IrregularShapeTests
{
    private const string OfficeList = "pl-0c2e4a6b8d0f13579";

    private static readonly (string File, Expected Affected)[] Table =
    [
        ("authorize-ingress-ports-as-strings.json", new() { SecurityGroups = [PodSg] }),
        ("authorize-ingress-flat-form.json", new() { SecurityGroups = [PodSg] }),
        ("authorize-egress-plain-arrays.json", new() { SecurityGroups = [InstanceSg], PrefixLists = ["pl-63a5400a"] }),
        ("authorize-ingress-item-wrapper.json", new() { SecurityGroups = [PodSg], PrefixLists = [OfficeList] }),
        ("authorize-egress-rule-set-only.json", new() { SecurityGroups = [InstanceSg], PrefixLists = [OfficeList] }),
        ("revoke-egress-revoked-rule-set.json", new() { SecurityGroups = [InstanceSg], PrefixLists = ["pl-63a5400a"] }),
        ("modify-security-group-rules-several.json", new() { SecurityGroups = [PodSg], PrefixLists = [OfficeList] }),
        // A trail's record without the EventBridge envelope, as `replay` takes it from a log file.
        ("bare-cloudtrail-record.json", new() { SecurityGroups = [PodSg] }),
        ("ids-with-whitespace.json", new() { SecurityGroups = [InstanceSg], PrefixLists = ["pl-63a5400a"] }),
        ("run-instances-two-instances.json", new()
        {
            Instances = ["i-0a1b2c3d4e5f60771", "i-0a1b2c3d4e5f60773"],
            NetworkInterfaces = ["eni-0a1b2c3d4e5f60772", "eni-0a1b2c3d4e5f60774"],
        }),
        ("rds-create-db-instance-mixed-case.json", new() { DbInstances = ["tutorial-aurora-2"], DbClusters = ["tutorial-aurora"] }),
        ("rds-modify-db-instance-rename.json", new() { DbInstances = ["tutorial-db", "tutorial-db-2"] }),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        Table.Select(row => new TestCaseData(row.File, row.Affected).SetArgDisplayNames(row.File));

    [TestCaseSource(nameof(Cases))]
    public void Reads_the_shape(string file, Expected affected)
    {
        var result = EventClassifier.Classify(Fixture(file), Config);

        Assert.That(result.SkipReason, Is.Null);
        Assert.That(Expected.Describe(result.Affected), Is.EqualTo(affected.Describe()));
    }

    private static readonly (string File, string Reason)[] Skips =
    [
        ("failed-revoke-unauthorized.json", "RevokeSecurityGroupIngress failed (Client.UnauthorizedOperation); a failed call changes nothing"),
        ("dry-run-create-network-interface.json", "CreateNetworkInterface failed (Client.DryRunOperation); a failed call changes nothing"),
        ("unknown-describe-instances.json", "DescribeInstances from aws.ec2 is not handled (it changes nothing SgLambda renders)"),
        ("modify-instance-attribute-instance-type.json", "ModifyInstanceAttribute of i-0e5f6a7b8c9d01234 does not change its security groups"),
        ("modify-instance-attribute-disable-api-termination.json", "ModifyInstanceAttribute of i-0e5f6a7b8c9d01234 does not change its security groups"),
        ("create-security-group-other-vpc.json", "CreateSecurityGroup is in vpc-0f9e8d7c6b5a40321, not in the configured vpc-0a1b2c3d4e5f60718"),
        ("run-instances-other-vpc.json", "RunInstances is in vpc-0f9e8d7c6b5a40321, not in the configured vpc-0a1b2c3d4e5f60718"),
    ];

    private static IEnumerable<TestCaseData> SkipCases() =>
        Skips.Select(row => new TestCaseData(row.File, row.Reason).SetArgDisplayNames(row.File));

    [TestCaseSource(nameof(SkipCases))]
    public void Skips_with_a_reason(string file, string reason)
    {
        var result = EventClassifier.Classify(Fixture(file), Config);

        Assert.That(result.SkipReason, Is.EqualTo(reason));
        Assert.That(result.Affected.IsEmpty, Is.True);
    }

    [Test]
    public void Every_fixture_is_in_a_table()
    {
        Assert.That(FixtureNames, Is.EquivalentTo(Table.Select(r => r.File).Concat(Skips.Select(r => r.File))));
    }

    [Test]
    public void A_failed_call_keeps_its_error_code_in_the_summary()
    {
        var summary = EventClassifier.Classify(Fixture("failed-revoke-unauthorized.json"), Config).Event;

        Assert.That(summary.ErrorCode, Is.EqualTo("Client.UnauthorizedOperation"));
        Assert.That(summary.EventName, Is.EqualTo("RevokeSecurityGroupIngress"));
    }
}
