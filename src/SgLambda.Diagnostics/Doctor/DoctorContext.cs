using SgLambda.Core.Calico;
using SgLambda.Core.Planning;
using SgLambda.Core.Translation;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>The input with what several checks derive from it: a fresh render and the cluster by key.</summary>
public sealed class DoctorContext
{
    public DoctorContext(DoctorInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Input = input;
        Rendered = Translator.Render(input.Aws, input.Config);
        foreach (var value in input.Cluster) ClusterByKey.TryAdd(value.Key, value);
        RenderedByKey = Rendered.Objects.ToDictionary(o => o.Key);
    }

    public DoctorInput Input { get; }

    /// <summary>What SgLambda would write now for this AWS state.</summary>
    public RenderResult Rendered { get; }

    public Dictionary<ObjectKey, CalicoObject> RenderedByKey { get; }

    public Dictionary<ObjectKey, CalicoObject> ClusterByKey { get; } = [];

    /// <summary>The cluster objects SgLambda owns, of the kinds it renders.</summary>
    public IEnumerable<CalicoObject> Owned =>
        Input.Cluster.Where(o => Planner.IsOwned(o) && ClusterScope.RenderedKinds.Any(kind => kind.Is(o)));

    /// <summary>The Calico API group's name for kubectl (<c>projectcalico.org</c>), from <c>projectcalico.org/v3</c>.</summary>
    public string KubectlGroup => Input.Config.CalicoApiGroup.Split('/')[0];

    /// <summary>The command that re-renders the VPC and repairs what SgLambda owns.</summary>
    public const string ReconcileFix = "sglambda reconcile --config config.json (or invoke the ReconcilerArn function)";
}
