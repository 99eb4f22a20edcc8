using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Core.Admission;
using static SgLambda.TestSupport.Admission.AdmissionFixtures;
using SgLambda.TestSupport.Admission;

namespace SgLambda.Core.Tests.Admission;

/// <summary>
/// The law: whatever labels a pod carries and whatever valid SG list it claims, the patched pod's
/// <c>sg.aws.tigera.io/*</c> labels are exactly the derived set (annotation SGs, or the node SGs when
/// it claims none, plus the pod-default SG) and no other label changes.
/// </summary>
public class PodAdmissionProperties
{
    private const string OtherSg = "sg-0ccc3333dddd4444e";
    private static readonly string[] ClaimableIds = [InstanceSg, PodSg, NodeSg1, NodeSg2, OtherSg, "sg-abcdef12"];

    // Labels a user may set: SG labels (forged or stale), and look-alikes that are not SG labels.
    private static readonly string[] LabelKeys =
    [
        "app", "tier", "sglambda.io/endpoint-kind", "app.kubernetes.io/managed-by", "a~b/c",
        "sg.aws.tigera.io.example/x", "SG.aws.tigera.io/" + InstanceSg,
        Label(InstanceSg), Label(PodSg), Label(NodeSg1), Label(NodeSg2), Label(OtherSg), Label("not-an-id"),
    ];
    private static readonly string[] LabelValues = ["", "x", "true"];

    public sealed record PodCase(int LabelsShape, IReadOnlyList<(string Key, string Value)> Labels, IReadOnlyList<string>? Claimed, bool IsUpdate)
    {
        public override string ToString() =>
            $"shape {LabelsShape}, labels [{string.Join(", ", Labels.Select(l => $"{l.Key}={l.Value}"))}], "
            + $"claimed {(Claimed is null ? "none (no annotation)" : "[" + string.Join(", ", Claimed) + "]")}, update {IsUpdate}";
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Patched_pod_has_exactly_the_derived_SG_labels_and_no_other_change() =>
        Prop.ForAll(Arb.From(Cases()), testCase =>
        {
            var pod = Pod(testCase);
            var review = new AdmissionReview
            {
                Request = new AdmissionRequest
                {
                    Uid = "u-1",
                    Kind = new("", "v1", "Pod"),
                    Operation = testCase.IsUpdate ? "UPDATE" : "CREATE",
                    Object = JsonSerializer.SerializeToElement(pod),
                },
            };
            var decision = PodAdmission.Decide(review, null, AdmissionFixtures.Config);
            var patched = decision.Response.Patch is { } patch ? JsonPatchApplier.Apply(pod, patch) : pod;
            return decision.Response.Allowed
                && JsonPatchApplier.Labels(patched).SequenceEqual(Expected(testCase), StringComparer.Ordinal);
        });

    /// <summary>SEMANTICS.md section 3, written out independently of the code under test.</summary>
    private static List<string> Expected(PodCase testCase)
    {
        var claimed = (testCase.Claimed ?? []).Distinct(StringComparer.Ordinal).ToList();
        var groups = (claimed.Count > 0 ? claimed : [NodeSg1, NodeSg2]).Append(PodSg).Distinct(StringComparer.Ordinal);
        var untouched = testCase.LabelsShape == 2
            ? testCase.Labels.Where(l => !l.Key.StartsWith("sg.aws.tigera.io/", StringComparison.Ordinal)).Select(l => $"{l.Key}={l.Value}")
            : [];
        return [.. untouched.Concat(groups.Select(g => Label(g) + "=")).Order(StringComparer.Ordinal)];
    }

    private static JsonObject Pod(PodCase testCase)
    {
        var metadata = new JsonObject { ["name"] = "p", ["namespace"] = "default" };
        if (testCase.LabelsShape == 1) metadata["labels"] = null;
        if (testCase.LabelsShape == 2)
        {
            var labels = new JsonObject();
            foreach (var (key, value) in testCase.Labels) labels[key] = value;
            metadata["labels"] = labels;
        }
        if (testCase.Claimed is { } claimed)
        {
            metadata["annotations"] = new JsonObject
            {
                ["aws.tigera.io/security-groups"] = "[" + string.Join(",", claimed.Select(id => $"\"{id}\"")) + "]",
            };
        }
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = metadata, ["spec"] = new JsonObject() };
    }

    // Shapes: 0 = no labels member, 1 = labels: null, 2 = a labels object.
    private static Gen<PodCase> Cases() =>
        from shape in Gen.Elements(0, 1, 2, 2, 2)
        from keys in Gen.SubListOf(LabelKeys)
        from values in Gen.Elements(LabelValues).ArrayOf(keys.Count)
        from hasAnnotation in Gen.Elements(true, false)
        from claimed in Gen.Elements(ClaimableIds).ListOf()
        from isUpdate in Gen.Elements(true, false)
        select new PodCase(
            shape,
            [.. keys.Zip(values)],
            hasAnnotation ? [.. claimed.Take(5)] : null,
            isUpdate);
}
