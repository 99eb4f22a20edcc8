using FsCheck;
using FsCheck.Fluent;
using SgLambda.Diagnostics.Evaluation;
using SgLambda.Diagnostics.Explain;
using SgLambda.TestSupport.Properties;
using SgLambda.Core.Translation;

namespace SgLambda.Diagnostics.Tests.Explain;

/// <summary>
/// The laws of explain: on a cluster that holds exactly what render makes of the AWS state, the report
/// always says the integration tiers and AWS agree, and its verdicts are the evaluators' own.
/// </summary>
public class ExplainerProperties
{
    [FsCheck.NUnit.Property(MaxTest = 60, QuietOnSuccess = true)]
    public Property On_a_freshly_rendered_cluster_the_integration_tiers_always_agree_with_aws() =>
        Prop.ForAll(TopologyGenerator.Arbitrary(), topology =>
        {
            var explainer = Explainer(topology);
            var disagreement = topology.Flows.Select(explainer.Explain).FirstOrDefault(report => !report.Agree);
            return Prop.Label(disagreement is null, disagreement is null ? "" : $"{disagreement.Flow}: tiers pass {disagreement.IntegrationTiersPass}, AWS {disagreement.AwsAllowed}");
        });

    [FsCheck.NUnit.Property(MaxTest = 30, QuietOnSuccess = true)]
    public Property The_reported_verdicts_are_the_evaluators_verdicts() =>
        Prop.ForAll(TopologyGenerator.Arbitrary(), topology =>
        {
            var rendered = Translator.Render(topology.Snapshot, topology.Config).Objects;
            var calico = new CalicoEvaluator(rendered, topology.Pods, topology.Snapshot.Nodes.Select(n => n.Name));
            var aws = new AwsEvaluator(topology.Snapshot, topology.Config, topology.Pods);
            var explainer = Explainer(topology);
            return topology.Flows.All(flow =>
            {
                var report = explainer.Explain(flow);
                return report.CalicoAllowed == calico.Evaluate(flow).IsAllowed && report.AwsAllowed == aws.Evaluate(flow).Allowed;
            });
        });

    private static Explainer Explainer(Topology topology) =>
        new(new ExplainInputs
        {
            Aws = topology.Snapshot,
            Config = topology.Config,
            Cluster = Translator.Render(topology.Snapshot, topology.Config).Objects,
            Pods = topology.Pods.Select(p => new ClusterPod(p.Namespace, p.Name, p.Ip, p.Labels, null, HostNetwork: false)).ToList(),
            NodeNames = topology.Snapshot.Nodes.Select(n => n.Name).ToList(),
        });
}
