using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using k8s;
using k8s.Models;
using SgLambda.Cli.Sandbox;
using SgLambda.Core.Admission;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Diagnostics.Evaluation;
using SgLambda.Diagnostics.Explain;

namespace SgLambda.Cli.Tests.Sandbox;

/// <summary>
/// Issue 11's install test: a cluster that already runs pods (CoreDNS in kube-system, Calico's controllers in
/// calico-system, applications started before the webhook), SgLambda installed step by step in README's order
/// ("Installing into a running cluster"), and <c>explain</c> (the core <see cref="Explainer"/>, as <c>sglambda
/// explain</c> uses it) of DNS, of the Kubernetes API and of an app flow before, after each step and after. The
/// judge is the AWS evaluator with every pod in the SGs SEMANTICS.md section 3 gives it: a flow it allows is never
/// denied by Calico at any step, and once installed Calico's verdict is its verdict.
/// </summary>
public sealed class InstallIntoRunningClusterTests
{
    [Test]
    public async Task Installed_in_readmes_order_no_flow_aws_allows_is_cut_before_during_or_after()
    {
        await using var install = await Install.StartAsync();
        var log = new List<string>();
        await install.ExpectAsync("before", enforced: false, log);

        // 1. kubectl apply -f tiers.yaml -f rbac-functions.yaml -f rbac-viewer.yaml
        await install.ApplyTiersAsync();
        await install.ExpectAsync("1. tiers and RBAC", enforced: false, log);

        // 2. sam deploy SyncEnabled=false: the stack adds the control plane's rule (PodsReachControlPlane); its
        // events park in the change queue (the queue's event source is disabled) and the schedule is off.
        await install.DeployAsync();
        await install.ExpectAsync("2. sam deploy SyncEnabled=false", enforced: false, log);
        Assert.That(install.World.Aws.Events.Count, Is.GreaterThan(0), "the deploy's SG change waits in the queue");

        // 3. webhook.yaml (and pod-labels-policy.yaml, which the emulator does not evaluate): new pods get labels.
        install.World.InstallWebhook();
        await install.CreatePodAsync("default", "late", Install.LateIp, claim: null);
        await install.ExpectAsync("3. webhook.yaml", enforced: false, log);
        Assert.That(install.SgLabels("default", "late"), Is.EqualTo(install.Intended("default", "late")), "admitted through the webhook");

        // 4. invoke the reconciler once: it relabels the pods started before the webhook, then writes the policies.
        await install.World.ReconcileAsync();
        foreach (var (ns, name) in new[] { ("default", "web"), ("default", "client"), ("default", "operator") })
            Assert.That(install.SgLabels(ns, name), Is.EqualTo(install.Intended(ns, name)), $"{ns}/{name} relabelled without a restart");
        Assert.That(install.SgLabels("kube-system", "coredns"), Is.Empty, "the webhook never sees exempt namespaces");
        await install.ExpectAsync("4. reconciler invoked", enforced: true, log);

        // 5. sam deploy SyncEnabled=true: the parked events are handled, the schedule runs.
        foreach (var parked in install.World.Aws.Events.Drain()) await install.World.DeliverAsync(parked);
        await install.World.ReconcileAsync();
        await install.ExpectAsync("5. sam deploy SyncEnabled=true", enforced: true, log);

        // After: a pod created now is labelled by the webhook and reaches DNS, the API and its peers at once.
        await install.CreatePodAsync("default", "after", Install.AfterIp, claim: $"[\"{install.WebGroup}\"]");
        await install.ExpectAsync("after", enforced: true, log);
        Assert.That(install.SgLabels("default", "after"), Is.EqualTo(install.Intended("default", "after")));
        foreach (var (to, port) in new[] { ("kube-system/coredns", "53/udp"), (install.ControlPlaneEni, "443/tcp"), ("default/web", "8080/tcp") })
        {
            var (report, calico, judge) = await install.ExplainAsync("default/after", to, port);
            Assert.That((calico, judge), Is.EqualTo((true, true)), $"a new annotated pod to {to} {port}\n{ExplainReportJson.ToJsonString(report)}");
        }
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, log));
    }

    /// <summary>
    /// README's former order (the functions live from the deploy on, the webhook applied after): a scheduled
    /// reconcile between the two writes the tiers while the running pods lack their labels, and their DNS is cut.
    /// This is why the deploy now starts with SyncEnabled=false.
    /// </summary>
    [Test]
    public async Task The_former_order_cuts_dns_when_a_reconcile_runs_before_the_webhook()
    {
        await using var install = await Install.StartAsync();
        await install.ApplyTiersAsync();
        await install.DeployAsync();
        foreach (var parked in install.World.Aws.Events.Drain()) await install.World.DeliverAsync(parked);
        await install.World.ReconcileAsync();

        var dns = await install.ExplainAsync("default/client", "kube-system/coredns", "53/udp");

        Assert.That(dns.Judge, Is.True, "AWS allows a pod's DNS to CoreDNS");
        Assert.That(dns.Calico, Is.False, "without the webhook, the running pod has no labels and the tiers deny it");
    }

    /// <summary>The world of the test: the account, the running cluster and the ids it needs.</summary>
    private sealed class Install : IAsyncDisposable
    {
        public const string Region = "us-west-2";
        public const string NodeName = "ip-10-0-1-50.us-west-2.compute.internal";
        public const string LateIp = "10.0.1.56";
        public const string AfterIp = "10.0.1.57";
        private static readonly (string Namespace, string Name, string Ip, string? Claim, bool ForgedLabel)[] RunningPods =
        [
            ("kube-system", "coredns", "10.0.1.51", null, false),
            // An exempt pod with a label it forged: it counts as nothing (SEMANTICS.md section 3).
            ("calico-system", "calico-kube-controllers", "10.0.1.52", null, true),
            ("default", "web", "10.0.1.53", "web", false),
            ("default", "client", "10.0.1.54", null, false),
            ("default", "operator", "10.0.1.55", "web", false),
        ];

        private Install(SandboxWorld world, string webGroup, string controlPlaneGroup, string controlPlaneEni, string outsiderEni)
        {
            World = world;
            WebGroup = webGroup;
            ControlPlaneGroup = controlPlaneGroup;
            ControlPlaneEni = controlPlaneEni;
            OutsiderEni = outsiderEni;
        }

        public SandboxWorld World { get; }
        public string WebGroup { get; }
        public string ControlPlaneGroup { get; }
        public string ControlPlaneEni { get; }
        public string OutsiderEni { get; }
        private SgLambdaConfig Config => World.Config;

        public static async Task<Install> StartAsync()
        {
            string web = "", controlPlane = "", controlPlaneEni = "", outsiderEni = "";
            var settings = new SandboxSettings { Region = Region, Seed = 11, FunctionLog = TextWriter.Null, BearerToken = "sglambda-install", WebhookInstalled = false };
            var world = await SandboxWorld.StartAsync(settings, account =>
            {
                var vpc = account.AddVpc("10.0.0.0/16");
                var subnet = account.AddSubnet(vpc.VpcId, "10.0.1.0/24", Region + "a");
                // The cluster as EKS made it: nodes that admit each other, a control plane that admits the nodes on 443.
                var nodes = account.AddSecurityGroup(vpc.VpcId, "install-nodes");
                var cp = account.AddSecurityGroup(vpc.VpcId, "install-control-plane");
                account.AddIngressRules(nodes.GroupId, new Core.Aws.IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = nodes.GroupId }] });
                account.AddIngressRules(nodes.GroupId, new Core.Aws.IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = cp.GroupId }] });
                account.AddIngressRules(cp.GroupId, new Core.Aws.IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = nodes.GroupId }] });
                // The application's SG: port 8080 from the nodes (and so from every pod in the node SGs).
                var webGroup = account.AddSecurityGroup(vpc.VpcId, "install-web");
                account.AddIngressRules(webGroup.GroupId, new Core.Aws.IpPermission { IpProtocol = "tcp", FromPort = 8080, ToPort = 8080, UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = nodes.GroupId }] });
                var outsider = account.AddSecurityGroup(vpc.VpcId, "install-outsider");
                // What the stack creates (here before the cluster's pods, so the configuration can name them).
                var podDefault = account.AddSecurityGroup(vpc.VpcId, "sglambda-pod-default-install");
                account.AddIngressRules(podDefault.GroupId, new Core.Aws.IpPermission
                {
                    IpProtocol = "-1",
                    UserIdGroupPairs = [new() { GroupId = nodes.GroupId }, new() { GroupId = cp.GroupId }, new() { GroupId = podDefault.GroupId }],
                });
                var trust = account.AddSecurityGroup(vpc.VpcId, "sglambda-trust-host-enforcement-install");
                var enforced = account.AddSecurityGroup(vpc.VpcId, "sglambda-has-host-enforcement-install");
                account.AddIngressRules(trust.GroupId, new Core.Aws.IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new() { GroupId = enforced.GroupId }] });
                account.AddIngressRules(enforced.GroupId, new Core.Aws.IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new() { GroupId = trust.GroupId }] });

                var node = account.AddInstance(subnet.SubnetId, [nodes.GroupId, enforced.GroupId], "10.0.1.50", secondaryPrivateIpAddressCount: 8);
                controlPlaneEni = account.AddNetworkInterface(new Emulators.Aws.Model.NetworkInterfaceSpec
                {
                    SubnetId = subnet.SubnetId,
                    Description = "Amazon EKS install",
                    GroupIds = [cp.GroupId],
                    PrivateIpAddresses = ["10.0.1.200"],
                }).NetworkInterfaceId;
                outsiderEni = account.AddInstance(subnet.SubnetId, [outsider.GroupId], "10.0.1.210").PrimaryNetworkInterfaceId;
                web = webGroup.GroupId;
                controlPlane = cp.GroupId;
                var config = new SgLambdaConfig
                {
                    VpcId = vpc.VpcId,
                    ClusterName = "install",
                    PodSecurityGroupId = podDefault.GroupId,
                    NodeSecurityGroupIds = [nodes.GroupId],
                    TrustSecurityGroupId = trust.GroupId,
                    EnforcedSecurityGroupId = enforced.GroupId,
                };
                return new SandboxSeed(config, [SandboxWorld.NodeObject(NodeName, $"aws:///{Region}a/{node.InstanceId}")]);
            }, CancellationToken.None);
            var install = new Install(world, web, controlPlane, controlPlaneEni, outsiderEni);
            await world.Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "calico-system" } });
            foreach (var (ns, name, ip, claim, forged) in RunningPods)
                await install.CreatePodAsync(ns, name, ip, claim is null ? null : $"[\"{web}\"]", forged ? web : null);
            return install;
        }

        /// <summary>What step 1 writes: the three tiers of infra/cluster/tiers.yaml (the RBAC files change no flow).</summary>
        public async Task ApplyTiersAsync()
        {
            var tiers = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "infra", "cluster", "tiers.yaml"));
            foreach (var document in Core.Input.YamlToJson.Documents(tiers).OfType<JsonObject>())
                await World.Kubernetes.CustomObjects.CreateClusterCustomObjectAsync(document, "projectcalico.org", "v3", "tiers");
        }

        /// <summary>What the stack changes in AWS (through the EC2 API, so it emits its event): PodsReachControlPlane's rule.</summary>
        public Task<AuthorizeSecurityGroupIngressResponse> DeployAsync() => World.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = ControlPlaneGroup,
            IpPermissions =
            [
                new Amazon.EC2.Model.IpPermission
                {
                    IpProtocol = "tcp",
                    FromPort = 443,
                    ToPort = 443,
                    UserIdGroupPairs = [new Amazon.EC2.Model.UserIdGroupPair { GroupId = Config.PodSecurityGroupId, Description = "Pods reach the Kubernetes API (SgLambda pod-default SG)" }],
                },
            ],
        });

        /// <summary>A pod as a Deployment makes it (through the API, so the webhook sees it once registered), running at <paramref name="ip"/>.</summary>
        public async Task CreatePodAsync(string ns, string name, string ip, string? claim, string? forgedGroup = null)
        {
            var labels = new Dictionary<string, string> { ["app"] = name };
            if (forgedGroup is not null) labels[LabelKeys.SecurityGroup(forgedGroup)] = "";
            var pod = new V1Pod
            {
                Metadata = new V1ObjectMeta
                {
                    Name = name,
                    NamespaceProperty = ns,
                    Labels = labels,
                    Annotations = claim is null ? null : new Dictionary<string, string> { [LabelKeys.SecurityGroupsAnnotation] = claim },
                },
                Spec = new V1PodSpec { NodeName = NodeName, Containers = [new V1Container { Name = "app", Image = "nginx" }] },
            };
            await World.Kubernetes.CoreV1.CreateNamespacedPodAsync(pod, ns);
            // The VPC CNI gives it one of the node's secondary addresses (the emulator takes status by seeding).
            var stored = World.Cluster.Get("v1", "Pod", ns, name)!.DeepClone().AsObject();
            stored["status"] = new JsonObject { ["phase"] = "Running", ["podIP"] = ip, ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = ip }) };
            World.Cluster.Seed(stored);
        }

        /// <summary>The pod's <c>sg.aws.tigera.io/*</c> label keys, as the cluster holds them.</summary>
        public IReadOnlyList<string> SgLabels(string ns, string name) =>
            [.. ((World.Cluster.Get("v1", "Pod", ns, name)!["metadata"]!["labels"] as JsonObject) ?? [])
                .Select(label => label.Key)
                .Where(key => key.StartsWith(LabelKeys.SecurityGroupPrefix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)];

        /// <summary>The label keys SEMANTICS.md section 3 gives the pod (its claim, else the node SGs; plus pod-default).</summary>
        public IReadOnlyList<string> Intended(string ns, string name)
        {
            var annotation = World.Cluster.Get("v1", "Pod", ns, name)!["metadata"]!["annotations"]?[LabelKeys.SecurityGroupsAnnotation]?.GetValue<string>();
            var claimed = annotation is null ? [] : SecurityGroupList.Parse(annotation, LabelKeys.SecurityGroupsAnnotation).Ids;
            return [.. PodMembership.LabelKeysFor(claimed, Config).Order(StringComparer.Ordinal)];
        }

        /// <summary>Explains the flow as <c>sglambda explain</c> does, and judges it with AWS SG semantics.</summary>
        public async Task<(ExplainReport Report, bool Calico, bool Judge)> ExplainAsync(string from, string to, string port)
        {
            var inputs = await World.ExplainInputsAsync([NodeName], CancellationToken.None);
            var report = new Explainer(inputs).Explain(from, to, port);
            // Every pod as SEMANTICS.md section 3 says, whatever labels it carries now (the exempt ones by namespace).
            var pods = inputs.Pods
                .Select(pod => pod.AsWorkload())
                .OfType<Pod>()
                .Select(pod => Config.IsExemptNamespace(pod.Namespace)
                    ? pod
                    : pod with { Labels = Intended(pod.Namespace, pod.Name).ToDictionary(key => key, _ => "", StringComparer.Ordinal) })
                .ToList();
            var judge = new AwsEvaluator(inputs.Aws, Config, pods).Evaluate(report.Flow).Allowed;
            return (report, report.Allowed, judge);
        }

        /// <summary>
        /// The five flows at this step: DNS from an unannotated and an annotated pod, an annotated pod to the API
        /// server, an app flow, and a flow AWS denies. Never cut: a flow the judge allows is allowed. Once
        /// <paramref name="enforced"/>: Calico's verdict is the judge's.
        /// </summary>
        public async Task ExpectAsync(string step, bool enforced, List<string> log)
        {
            (string From, string To, string Port, string What)[] flows =
            [
                ("default/client", "kube-system/coredns", "53/udp", "DNS (unannotated pod)"),
                ("default/web", "kube-system/coredns", "53/udp", "DNS (annotated pod)"),
                ("default/operator", ControlPlaneEni, "443/tcp", "Kubernetes API (annotated pod)"),
                ("default/client", "default/web", "8080/tcp", "app flow"),
                (OutsiderEni, "default/web", "8080/tcp", "app port from outside its SG"),
            ];
            foreach (var (from, to, port, what) in flows)
            {
                var (report, calico, judge) = await ExplainAsync(from, to, port);
                log.Add($"{step}: {what} {from} -> {to} {port}: calico {(calico ? "allowed" : "denied")}, AWS {(judge ? "allowed" : "denied")}");
                // A flow AWS denies may pass while nothing is enforced yet (as before the install); none AWS allows is ever cut.
                var allowedByAws = what is not "app port from outside its SG";
                if (allowedByAws) Assert.That(calico, Is.True, $"{step}: {what} is cut\n{Describe(report)}");
                if (!enforced) continue;
                Assert.That(judge, Is.EqualTo(allowedByAws), $"{step}: {what}: the judge\n{Describe(report)}");
                Assert.That(calico, Is.EqualTo(judge), $"{step}: {what}: Calico and AWS disagree\n{Describe(report)}");
            }
        }

        private static string Describe(ExplainReport report) => ExplainReportJson.ToJsonString(report);

        public ValueTask DisposeAsync() => World.DisposeAsync();
    }
}
