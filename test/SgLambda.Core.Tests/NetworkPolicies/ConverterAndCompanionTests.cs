using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Core.NetworkPolicies;
using static SgLambda.TestSupport.NetworkPolicies.NetworkPolicyFixtures;

namespace SgLambda.Core.Tests.NetworkPolicies;

/// <summary>
/// Each NetworkPolicy fixture through <see cref="KubernetesNetworkPolicyConverter"/> (what Calico makes of it)
/// and <see cref="CompanionPolicy"/>: the result must equal <c>&lt;fixture&gt;.expected.yaml</c>, the converted
/// policy then the companion when there is one.
/// </summary>
public class ConverterAndCompanionTests
{
    public static IEnumerable<string> Fixtures => PolicyNames;

    [TestCaseSource(nameof(Fixtures))]
    public void Converted_policy_and_companion_are_the_expected_objects(string fileName)
    {
        var policy = Policy(fileName);
        var warnings = new List<string>();
        var objects = new List<CalicoObject> { KubernetesNetworkPolicyConverter.Convert(policy, warnings: warnings) };
        if (CompanionPolicy.For(policy, "projectcalico.org/v3", warnings) is { } companion) objects.Add(companion);
        var actual = objects.Select(o => (JsonNode)CalicoSerializer.ToJsonNode(o)).ToList();

        var expectedFile = PathOf(Path.ChangeExtension(fileName, ".expected.yaml"));
        if (!File.Exists(expectedFile))
        {
            File.WriteAllText(expectedFile + ".actual", YamlWriter.Write(actual));
            Assert.Fail($"no {expectedFile}: wrote what the code makes to {expectedFile}.actual; review it and rename it");
        }
        var expected = Documents(Path.GetFileName(expectedFile));
        Assert.Multiple(() =>
        {
            Assert.That(actual, Has.Count.EqualTo(expected.Count), "objects");
            for (var i = 0; i < Math.Min(actual.Count, expected.Count); i++)
            {
                Assert.That(JsonNode.DeepEquals(actual[i], expected[i]), Is.True,
                    $"object {i}:\nexpected {expected[i].ToJsonString()}\nactual   {actual[i].ToJsonString()}");
            }
            Assert.That(warnings, Is.Empty);
        });
    }

    [Test]
    public void Seed_policy_companion_is_owned_by_the_policy_and_selects_instance_sg_host_endpoints()
    {
        var policy = Policy("allow-from-instance.yaml");
        var companion = CompanionPolicy.For(policy, "projectcalico.org/v3");

        Assert.That(companion, Is.Not.Null);
        var owner = companion!.Metadata.OwnerReferences!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(companion.Metadata.Name, Is.EqualTo("sglambda-allow-from-instance"));
            Assert.That(companion.Metadata.Namespace, Is.EqualTo("integration-demo"));
            Assert.That(companion.Metadata.Labels![LabelKeys.ManagedBy], Is.EqualTo(LabelKeys.ManagedByValue));
            Assert.That(companion.Metadata.Labels![CompanionPolicy.OwnerLabel], Is.EqualTo("allow-from-instance"));
            Assert.That(owner, Is.EqualTo(new OwnerReference
            {
                ApiVersion = "networking.k8s.io/v1",
                Kind = "NetworkPolicy",
                Name = "allow-from-instance",
                Uid = "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
                BlockOwnerDeletion = false,
            }));
            var source = companion.Spec.Ingress!.Single().Source!;
            Assert.That(source.Selector, Is.EqualTo("sg.aws.tigera.io/sg-12345678901234 == ''"));
            Assert.That(source.NamespaceSelector, Is.EqualTo("global()"));
        });
    }

    [TestCase("\"true\"", true)]
    [TestCase("\"True\"", true)]
    [TestCase("\"1\"", true)]
    [TestCase("\"false\"", false)]
    [TestCase("\"yes\"", false)]
    [TestCase(null, false)]
    public void Only_a_true_annotation_asks_for_a_companion(string? value, bool requested)
    {
        var policy = Policy("allow-from-instance.yaml");
        var annotations = value is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { [CompanionPolicy.MatchSecurityGroupsAnnotation] = value.Trim('"') };
        policy = policy with { Metadata = policy.Metadata with { Annotations = annotations } };

        Assert.That(CompanionPolicy.For(policy, "projectcalico.org/v3") is not null, Is.EqualTo(requested));
    }

    [Test]
    public void Companion_names_are_distinct_valid_names_for_distinct_policies()
    {
        string[] names = ["a.b", "a-b", "a", new string('x', 253), new string('x', 252) + "y", "allow.from.x"];
        var companions = names.Select(CompanionPolicy.NameFor).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(companions, Is.Unique);
            Assert.That(companions, Has.All.Length.LessThanOrEqualTo(63));
            Assert.That(companions, Has.All.Matches<string>(n => System.Text.RegularExpressions.Regex.IsMatch(n!, "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")));
        });
    }

    [Test]
    public void A_port_Calico_cannot_convert_drops_its_rule_with_a_warning()
    {
        var policy = Policy("allow-from-instance.yaml");
        policy = policy with
        {
            Spec = policy.Spec with
            {
                Ingress =
                [
                    .. policy.Spec.Ingress!,
                    new NetworkPolicyIngressRule { Ports = [new NetworkPolicyPort { Port = IntOrString.Of("http"), EndPort = 90 }] },
                ],
            },
        };
        var warnings = new List<string>();

        var converted = KubernetesNetworkPolicyConverter.Convert(policy, warnings: warnings);

        Assert.Multiple(() =>
        {
            Assert.That(converted.Spec.Ingress, Has.Count.EqualTo(1));
            Assert.That(warnings.Single(), Does.Contain("integration-demo/allow-from-instance").And.Contain("spec.ingress[1]").And.Contain("http:90"));
        });
    }

    [TestCase("{\"metadata\":{\"name\":\"x\",\"namespace\":\"n\"},\"spec\":{\"ingress\":[{\"ports\":[{\"port\":true}]}]}}", "spec.ingress[0].ports[0].port")]
    [TestCase("{\"metadata\":{\"namespace\":\"n\"}}", "metadata.name is required")]
    [TestCase("{\"apiVersion\":\"projectcalico.org/v3\",\"kind\":\"NetworkPolicy\",\"metadata\":{\"name\":\"x\"}}", "expected apiVersion networking.k8s.io/v1")]
    [TestCase("{\"metadata\":{\"name\":\"x\",\"namespace\":\"n\"},\"spec\":{\"egress\":[{\"to\":[{\"ipBlock\":{\"cidr\":\"10.0.0.0/8\"},\"podSelector\":{}}]}]}}", "spec.egress[0].to[0]: may not specify more than 1 peer type")]
    [TestCase("{\"metadata\":{\"name\":\"x\",\"namespace\":\"n\"},\"spec\":{\"ingress\":[{\"from\":[{}]}]}}", "spec.ingress[0].from[0]: must specify a peer")]
    public void Malformed_policies_are_rejected_naming_the_field(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => KubernetesNetworkPolicyParser.Parse(JsonNode.Parse(json)!));

        Assert.That(error!.Message, Does.Contain(message));
    }
}
