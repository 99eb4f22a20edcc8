using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Core.Admission;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Diagnostics.Evaluation;
using SgLambda.Core.Input;
using SgLambda.Core.NetworkPolicies;
using SgLambda.TestSupport.Admission;
using SgLambda.TestSupport.NetworkPolicies;
using SgLambda.Core.Translation;

namespace SgLambda.Core.Tests.Tutorial;

/// <summary>
/// The seed tutorial (Calico Cloud's "AWS security groups integration", both halves) end to end on SgLambda,
/// decided by <see cref="CalicoEvaluator"/>: the AWS side is infra/examples/tutorial rendered by
/// <see cref="Translator"/>, the pod's labels come from <see cref="PodAdmission.Decide"/> on the AdmissionReviews
/// that <c>kubectl create deployment</c> and <c>kubectl annotate</c> cause, and the NetworkPolicies are the
/// tutorial's, converted as Calico converts them, with SgLambda's companion. A second instance, in an SG that
/// pod-sg also admits on port 80 (test data only), shows that the NetworkPolicy is what keeps it out.
/// </summary>
public class SeedTutorialTests
{
    private const string Namespace = "integration-demo";
    private const string PodName = "pod-tester-6d4cf56db6-x7k2p";
    private const string PodIp = "10.0.1.51";        // a VPC CNI secondary IP of node ip-10-0-1-50
    private const string Instance = "10.0.1.25";     // ec2-instance, in instance-sg
    private const string Outsider = "10.0.1.26";     // a second instance, in outside-sg only
    private const string PodSg = "sg-98765432109876";

    private static readonly string FixturesDirectory = Path.Combine(Path.GetDirectoryName(NetworkPolicyFixtures.FixturesDirectory)!, "..", "Tutorial", "Fixtures");

    /// <summary>The tutorial plus the outsider: its SG and ENI, and pod-sg admitting it on port 80.</summary>
    private static RenderInput WithOutsider(RenderInput tutorial)
    {
        var extraGroups = InputParser.ParseSecurityGroups(FixtureFile("outsider-sgs.json"));
        var extraEnis = InputParser.ParseNetworkInterfaces(FixtureFile("outsider-enis.json"));
        var groups = tutorial.Snapshot.SecurityGroups.Where(g => !extraGroups.Any(e => e.GroupId == g.GroupId)).Concat(extraGroups).ToList();
        return tutorial with
        {
            Snapshot = tutorial.Snapshot with
            {
                SecurityGroups = groups,
                NetworkInterfaces = [.. tutorial.Snapshot.NetworkInterfaces, .. extraEnis],
            },
        };
    }

    [Test]
    public void The_tutorial_runs_end_to_end()
    {
        var input = WithOutsider(TutorialSnapshot.Read());
        var config = input.Config;
        var rendered = Translator.Render(input.Snapshot, config);
        Assert.That(rendered.Objects.OfType<HostEndpoint>().Select(h => h.Metadata.Name), Does.Contain("eni-0a11b22c33d44e556").And.Contain("eni-0c0ffee0c0ffee0c3"));

        // kubectl create deployment --namespace integration-demo pod-tester --image nginx: the webhook sees the CREATE.
        var created = Admit(File.ReadAllText(Path.Combine(FixturesDirectory, "create-pod-tester.json")), config);
        created["metadata"]!["name"] = PodName;
        Assert.That(SgLabels(created), Is.EqualTo(new[] { Label("sg-0c5e1a7b3d9f24681"), Label(config.PodSecurityGroupId!) }), "a pod without the annotation is in the node SGs and the pod-default SG");

        // Before the annotation: pod-sg's rule does not bind the pod, whose SGs do not admit the instance.
        Assert.That(Verdict(rendered.Objects, created, Instance).IsAllowed, Is.False, "before the annotation");

        // kubectl annotate pod -n integration-demo -l app=pod-tester aws.tigera.io/security-groups='["sg-98765432109876"]'
        var annotated = Admit(AnnotateReview(created, $"[\"{PodSg}\"]"), config);
        Assert.That(SgLabels(annotated), Is.EqualTo(new[] { Label(config.PodSecurityGroupId!), Label(PodSg) }), "the annotation's SG and the pod-default SG");
        var afterAnnotation = Verdict(rendered.Objects, annotated, Instance);
        Assert.That(afterAnnotation.IsAllowed, Is.True, $"after the annotation: {afterAnnotation}");
        Assert.That(Verdict(rendered.Objects, annotated, Outsider).IsAllowed, Is.True, "pod-sg admits the outsider too (test data), so only NetworkPolicy can stop it");

        // kubectl create -f default-deny.yaml
        var defaultDeny = NetworkPolicyFixtures.Policy("default-deny.yaml");
        CalicoObject[] withDefaultDeny = [.. rendered.Objects, KubernetesNetworkPolicyConverter.Convert(defaultDeny)];
        var denied = Verdict(withDefaultDeny, annotated, Instance);
        Assert.That(denied.IsAllowed, Is.False, "with default-deny");
        Assert.That(denied.Ingress!.DecidingStep!.Tier, Is.EqualTo("default"), "denied by the default tier, after the SG tiers passed it");

        // kubectl create -f allow-from-instance.yaml: Calico's own conversion alone cannot select the instance.
        var allowFromInstance = NetworkPolicyFixtures.Policy("allow-from-instance.yaml");
        CalicoObject[] withoutCompanion = [.. withDefaultDeny, KubernetesNetworkPolicyConverter.Convert(allowFromInstance)];
        Assert.That(Verdict(withoutCompanion, annotated, Instance).IsAllowed, Is.False, "a Kubernetes NetworkPolicy selects pods only");

        // ... and the reconcile writes its companion.
        var companion = CompanionPolicy.For(allowFromInstance, config.CalicoApiGroup);
        Assert.That(companion, Is.Not.Null);
        CalicoObject[] withCompanion = [.. withoutCompanion, companion!];
        var allowed = Verdict(withCompanion, annotated, Instance);
        Assert.That(allowed.IsAllowed, Is.True, $"with allow-from-instance and its companion: {allowed}");
        Assert.That(allowed.Ingress!.DecidingStep!.Policy, Is.EqualTo($"{Namespace}/{companion!.Metadata.Name}"));

        var outsider = Verdict(withCompanion, annotated, Outsider);
        Assert.That(outsider.IsAllowed, Is.False, "an instance outside instance-sg still cannot");
        Assert.That(outsider.Ingress!.DecidingStep!.Tier, Is.EqualTo("default"));
    }

    [Test]
    public void A_pod_that_forges_the_instance_sg_label_is_not_let_in_by_the_companion()
    {
        // The companion's peer is global(): only HostEndpoints. Pods are matched by Calico's conversion, and only
        // pods of the policy's own namespace, whose SG labels the webhook alone writes.
        var input = TutorialSnapshot.Read();
        var rendered = Translator.Render(input.Snapshot, input.Config);
        var allowFromInstance = NetworkPolicyFixtures.Policy("allow-from-instance.yaml");
        CalicoObject[] objects =
        [
            .. rendered.Objects,
            KubernetesNetworkPolicyConverter.Convert(NetworkPolicyFixtures.Policy("default-deny.yaml")),
            KubernetesNetworkPolicyConverter.Convert(allowFromInstance),
            CompanionPolicy.For(allowFromInstance, input.Config.CalicoApiGroup)!,
        ];
        var target = new Pod(Namespace, PodName, System.Net.IPAddress.Parse(PodIp), new Dictionary<string, string>
        {
            ["app"] = "pod-tester",
            [Label(PodSg)] = "",
            [Label(input.Config.PodSecurityGroupId!)] = "",
        });
        var forger = new Pod("elsewhere", "forger", System.Net.IPAddress.Parse("10.0.1.52"), new Dictionary<string, string>
        {
            [Label("sg-12345678901234")] = "",
            [Label(input.Config.PodSecurityGroupId!)] = "",
        });
        var evaluator = new CalicoEvaluator(objects, [target, forger], NodeNames(input));

        var verdict = evaluator.Evaluate(Flow.Tcp("10.0.1.52", PodIp, 80));

        Assert.That(verdict.Ingress!.Outcome, Is.EqualTo(SideOutcome.Denied), verdict.ToString());
    }

    [Test]
    public void A_namespaced_policy_selects_host_endpoints_only_through_global()
    {
        var input = TutorialSnapshot.Read();
        var rendered = Translator.Render(input.Snapshot, input.Config);
        var target = new Pod(Namespace, PodName, System.Net.IPAddress.Parse(PodIp), new Dictionary<string, string> { ["app"] = "pod-tester" });
        NetworkPolicy AllowFrom(string? namespaceSelector) => new()
        {
            ApiVersion = "projectcalico.org/v3",
            Metadata = new ObjectMeta { Name = "allow", Namespace = Namespace },
            Spec = new PolicySpec
            {
                Tier = "default",
                Selector = "app == 'pod-tester'",
                Types = [PolicyTypes.Ingress],
                Ingress = [new Rule { Action = RuleActions.Allow, Source = new EntityRule { Selector = "has(sg.aws.tigera.io/sg-12345678901234)", NamespaceSelector = namespaceSelector } }],
            },
        };
        // Only the default tier, so the SG tiers do not decide first.
        bool Allows(string? namespaceSelector) =>
            new CalicoEvaluator([.. rendered.Objects.OfType<HostEndpoint>(), AllowFrom(namespaceSelector)], [target], NodeNames(input))
                .Evaluate(Flow.Tcp(Instance, PodIp, 80)).IsAllowed;

        Assert.Multiple(() =>
        {
            Assert.That(Allows(null), Is.False, "no namespaceSelector: the policy's own namespace, which no HostEndpoint is in");
            Assert.That(Allows("global()"), Is.True, "global(): HostEndpoints and GlobalNetworkSets");
            Assert.That(Allows("all()"), Is.False, "all(): every namespace, still no HostEndpoint");
        });
    }

    private static CalicoVerdict Verdict(IEnumerable<CalicoObject> objects, JsonNode pod, string source)
    {
        var labels = (pod["metadata"]!["labels"] as JsonObject)!.ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);
        var workload = new Pod(Namespace, PodName, System.Net.IPAddress.Parse(PodIp), labels);
        var evaluator = new CalicoEvaluator(objects, [workload], NodeNames(TutorialSnapshot.Read()));
        return evaluator.Evaluate(Flow.Tcp(source, PodIp, 80));
    }

    private static IEnumerable<string> NodeNames(RenderInput input) => input.Snapshot.Nodes.Select(n => n.Name);

    /// <summary>The webhook's decision applied to the review's pod (it must allow it).</summary>
    private static JsonNode Admit(string reviewJson, SgLambdaConfig config)
    {
        var review = JsonSerializer.Deserialize(reviewJson, AdmissionJsonContext.Default.AdmissionReview)!;
        var decision = PodAdmission.Decide(review, new NamespaceInfo(Namespace, new Dictionary<string, string>()), config);
        Assert.That(decision.Response.Allowed, Is.True, decision.Response.Status?.Message);
        var pod = JsonNode.Parse(review.Request!.Object!.Value.GetRawText())!;
        return decision.Response.Patch is { } patch ? JsonPatchApplier.Apply(pod, patch) : pod;
    }

    /// <summary>What <c>kubectl annotate</c> makes the API server send: an UPDATE whose object carries the annotation.</summary>
    private static string AnnotateReview(JsonNode pod, string annotation)
    {
        var updated = pod.DeepClone();
        var metadata = updated["metadata"]!.AsObject();
        metadata["annotations"] = new JsonObject { [LabelKeys.SecurityGroupsAnnotation] = annotation };
        var review = new JsonObject
        {
            ["apiVersion"] = "admission.k8s.io/v1",
            ["kind"] = "AdmissionReview",
            ["request"] = new JsonObject
            {
                ["uid"] = "8a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d",
                ["kind"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["kind"] = "Pod" },
                ["resource"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" },
                ["name"] = PodName,
                ["namespace"] = Namespace,
                ["operation"] = "UPDATE",
                ["userInfo"] = new JsonObject { ["username"] = "admin", ["groups"] = new JsonArray("system:masters", "system:authenticated") },
                ["object"] = updated,
                ["oldObject"] = pod.DeepClone(),
                ["dryRun"] = false,
                ["options"] = new JsonObject { ["apiVersion"] = "meta.k8s.io/v1", ["kind"] = "PatchOptions", ["fieldManager"] = "kubectl-annotate" },
            },
        };
        return review.ToJsonString();
    }

    private static string[] SgLabels(JsonNode pod) =>
        [.. (pod["metadata"]!["labels"] as JsonObject)!.Select(p => p.Key).Where(k => k.StartsWith(LabelKeys.SecurityGroupPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static string Label(string groupId) => LabelKeys.SecurityGroup(groupId);

    private static InputFile FixtureFile(string name) => ReadFile(Path.Combine(FixturesDirectory, name));

    private static InputFile ReadFile(string path) => new(Path.GetFileName(path), File.ReadAllText(path));
}
