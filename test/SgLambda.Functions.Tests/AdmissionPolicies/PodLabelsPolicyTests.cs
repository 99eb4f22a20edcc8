using System.Text.Json.Nodes;

namespace SgLambda.Functions.Tests.AdmissionPolicies;

/// <summary>
/// infra/cluster/pod-labels-policy.yaml: with the webhook failing open, the API server itself keeps a pod out
/// of every SG it did not claim (SEMANTICS.md section 3), and admits whatever the webhook writes.
/// </summary>
public class PodLabelsPolicyTests
{
    private const string PodDefault = "sg-0e7a3c9d5f1b46803";
    private const string Node = "sg-0c5e1a7b3d9f24681";
    private const string OtherNode = "sg-0aaaaaaaabbbbbbbb";
    private const string PodSg = "sg-98765432109876";

    private static readonly AdmissionPolicy Policy = AdmissionPolicy.Load("pod-labels-policy.yaml", new Dictionary<string, string>
    {
        ["POD_SECURITY_GROUP_ID"] = PodDefault,
        ["NODE_SECURITY_GROUP_IDS"] = $"{Node},{OtherNode}",
    });

    private static readonly JsonNode Create = JsonNode.Parse("""{"operation": "CREATE", "userInfo": {"username": "dev", "groups": ["system:authenticated"]}}""")!;

    private static JsonObject Pod(string? claim, params string[] groups)
    {
        var labels = new JsonObject { ["app"] = "web" };
        foreach (var group in groups) labels["sg.aws.tigera.io/" + group] = "";
        var metadata = new JsonObject { ["name"] = "web", ["namespace"] = "apps", ["labels"] = labels };
        if (claim is not null) metadata["annotations"] = new JsonObject { ["aws.tigera.io/security-groups"] = claim };
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = metadata };
    }

    private static JsonObject Namespace(string? allowed) => new JsonObject
    {
        ["metadata"] = allowed is null
            ? new JsonObject { ["name"] = "apps" }
            : new JsonObject { ["name"] = "apps", ["annotations"] = new JsonObject { ["sglambda.io/allowed-security-groups"] = allowed } },
    };

    private static string? Decide(JsonNode pod, string? allowed = null) => Policy.Decide(Create, pod, namespaceObject: Namespace(allowed));

    [Test]
    public void What_the_webhook_writes_is_admitted()
    {
        Assert.That(Decide(Pod(null, Node, OtherNode, PodDefault)), Is.Null, "no claim: node SGs and pod-default");
        Assert.That(Decide(Pod($"[\"{PodSg}\"]", PodSg, PodDefault)), Is.Null, "a claim: its SGs and pod-default");
        Assert.That(Decide(Pod($"[ \"{PodSg}\" , \"{Node}\" ]", PodSg, Node, PodDefault)), Is.Null, "spaces in the list");
        Assert.That(Decide(Pod($"[\"{PodSg}\"]", PodSg, PodDefault), allowed: $"[\"{PodSg}\"]"), Is.Null, "the namespace allows it");
        Assert.That(Decide(Pod($"[\"{PodSg}\"]", PodSg, PodDefault), allowed: "*"), Is.Null, "the namespace allows all");
    }

    [Test]
    public void Fewer_labels_than_allowed_are_admitted_because_they_only_deny_more()
    {
        Assert.That(Decide(Pod(null)), Is.Null, "no SG label: the webhook did not run");
        Assert.That(Decide(Pod($"[\"{PodSg}\"]", PodDefault)), Is.Null);
        Assert.That(Decide(new JsonObject { ["metadata"] = new JsonObject { ["name"] = "bare" } }), Is.Null, "no labels at all");
    }

    [Test]
    public void A_label_for_an_sg_the_pod_did_not_claim_is_refused()
    {
        Assert.That(Decide(Pod(null, PodSg, PodDefault)), Does.Contain("sg.aws.tigera.io/<sg-id> pod labels are written by SgLambda's admission webhook"), "no claim, pod-sg label");
        Assert.That(Decide(Pod($"[\"{PodSg}\"]", PodSg, Node, PodDefault)), Is.Not.Null, "a claiming pod is not in the node SGs");
        Assert.That(Decide(Pod($"[\"{PodSg}\"]", "sg-9876543210987")), Is.Not.Null, "a prefix of a claimed id is another SG");
        Assert.That(Decide(Pod(null, "sg-0c5e1a7b3d9f2468")), Is.Not.Null, "a prefix of a node SG is another SG");
        Assert.That(Decide(Pod($"[\"{PodSg}, {Node}\"]", PodSg)), Is.Not.Null, "a malformed claim (the seed docs' form) claims nothing");
        Assert.That(Decide(Pod($"[\"{PodSg}\"]", PodSg, PodDefault), allowed: "[\"sg-0123456789abcdef0\"]"), Is.Not.Null, "the namespace does not allow it");
        Assert.That(Decide(Pod($"[\"{PodSg}\"]", PodSg, PodDefault), allowed: "sg-nonsense"), Is.Not.Null, "a malformed restriction allows nothing");
    }
}
