using System.Text.Json.Nodes;

namespace SgLambda.Functions.Tests.AdmissionPolicies;

/// <summary>
/// infra/cluster/functions-policy.yaml: in crd.projectcalico.org mode, where Calico's tier RBAC is not
/// checked, the group sglambda:functions may write SgLambda's own objects only (README's RBAC claim).
/// </summary>
public class FunctionsPolicyTests
{
    private static readonly AdmissionPolicy Policy = AdmissionPolicy.Load("functions-policy.yaml");

    private static JsonObject Request(string operation, string resource, string group = "sglambda:functions") => new JsonObject
    {
        ["operation"] = operation,
        ["resource"] = new JsonObject { ["group"] = "crd.projectcalico.org", ["version"] = "v1", ["resource"] = resource },
        ["userInfo"] = new JsonObject { ["username"] = "arn:aws:sts::111122223333:assumed-role/sglambda", ["groups"] = new JsonArray("sglambda:functions".Equals(group, StringComparison.Ordinal) ? [group, "system:authenticated"] : [group]) },
    };

    private static JsonObject Object(string name, string? tier = null, bool owned = true)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (owned) metadata["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "sglambda" };
        var spec = new JsonObject();
        if (tier is not null) spec["tier"] = tier;
        return new JsonObject { ["metadata"] = metadata, ["spec"] = spec };
    }

    [Test]
    public void The_functions_write_their_own_objects()
    {
        Assert.That(Policy.Decide(Request("CREATE", "globalnetworkpolicies"), Object("sg-local.sg-0123456789abcdef0", "sg-local")), Is.Null);
        Assert.That(Policy.Decide(Request("UPDATE", "globalnetworkpolicies"), Object("sg-remote.pass-ungoverned", "sg-remote"), Object("sg-remote.pass-ungoverned", "sg-remote")), Is.Null);
        Assert.That(Policy.Decide(Request("DELETE", "globalnetworkpolicies"), null, Object("metadata.instance-metadata", "metadata")), Is.Null);
        Assert.That(Policy.Decide(Request("CREATE", "tiers"), Object("sg-remote")), Is.Null);
        Assert.That(Policy.Decide(Request("CREATE", "hostendpoints"), Object("eni-0a11b22c33d44e556")), Is.Null);
        Assert.That(Policy.Decide(Request("CREATE", "hostendpoints"), Object("node.ip-10-0-1-50.ec2.internal")), Is.Null);
        Assert.That(Policy.Decide(Request("CREATE", "globalnetworksets"), Object("pl-0c2e4a6b8d0f13579")), Is.Null);
        Assert.That(Policy.Decide(Request("CREATE", "networkpolicies"), Object("sglambda-allow-from-instance", "default")), Is.Null);
        Assert.That(Policy.Decide(Request("CREATE", "networkpolicies"), Object("default.sglambda-allow-from-instance")), Is.Null);
    }

    [Test]
    public void The_functions_cannot_write_anything_else()
    {
        Assert.That(Policy.Decide(Request("CREATE", "globalnetworkpolicies"), Object("default.allow-all", "default")), Does.Contain("tiers sg-remote, sg-local and metadata"));
        Assert.That(Policy.Decide(Request("CREATE", "globalnetworkpolicies"), Object("sg-remote.x", "sg-local")), Is.Not.Null, "named after another tier");
        Assert.That(Policy.Decide(Request("CREATE", "globalnetworkpolicies"), Object("sg-local.x", "sg-local", owned: false)), Does.Contain("managed-by=sglambda"));
        Assert.That(Policy.Decide(Request("UPDATE", "globalnetworkpolicies"), Object("sg-local.x", "sg-local"), Object("sg-local.x", "sg-local", owned: false)), Is.Not.Null, "taking over a foreign object");
        Assert.That(Policy.Decide(Request("DELETE", "tiers"), null, Object("default", owned: false)), Is.Not.Null);
        Assert.That(Policy.Decide(Request("CREATE", "tiers"), Object("security")), Is.Not.Null);
        Assert.That(Policy.Decide(Request("CREATE", "hostendpoints"), Object("web-1")), Is.Not.Null);
        Assert.That(Policy.Decide(Request("CREATE", "globalnetworksets"), Object("threat-feed")), Is.Not.Null);
        Assert.That(Policy.Decide(Request("CREATE", "networkpolicies"), Object("allow-all", "default")), Is.Not.Null);
        Assert.That(Policy.Decide(Request("CREATE", "networkpolicies"), Object("sglambda-x", "security")), Is.Not.Null);
    }

    [Test]
    public void Other_users_are_not_this_policys_business()
    {
        Assert.That(Policy.Decide(Request("CREATE", "globalnetworkpolicies", group: "system:masters"), Object("default.allow-all", "default", owned: false)), Is.Null);
    }
}
