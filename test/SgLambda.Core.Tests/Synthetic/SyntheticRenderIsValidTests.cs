using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.TestSupport.Synthetic;
using SgLambda.Core.Translation;
using SgLambda.Emulators.Kubernetes;
using SgLambda.Emulators.Kubernetes.Calico;

namespace SgLambda.Core.Tests.Synthetic;

/// <summary>
/// The render of a realistic account (every rule shape and ENI kind at once, in numbers) would be
/// accepted by a cluster: the API server's CRD validation and Calico's own, in both API groups.
/// </summary>
public class SyntheticRenderIsValidTests
{
    [TestCase(CalicoApiGroups.ProjectCalicoV3)]
    [TestCase(CalicoApiGroups.CrdProjectCalicoV1)]
    public void Every_object_of_a_synthetic_account_passes_the_API_servers_and_Calicos_validation(string api)
    {
        var crds = CrdSchemaValidator.ForDirectory(CrdFolder.For(api));
        var (snapshot, config) = SyntheticAccount.Generate(150, 600, seed: 7);
        var objects = Translator.Render(snapshot, config with { CalicoApiGroup = api }).Objects;

        var problems = new List<string>();
        foreach (var value in objects)
        {
            var json = CalicoSerializer.ToJsonNode(value);
            foreach (var error in crds.Validate(json).Concat(CalicoSemanticValidator.Validate(json)))
                problems.Add($"{value.Key}: {error}");
        }

        Assert.That(problems, Is.Empty, () => "invalid objects, e.g.\n" + string.Join("\n", problems.Take(20)));
        Assert.That(objects.Select(o => o.Kind).Distinct(),
            Is.EquivalentTo(new[] { nameof(Tier), nameof(GlobalNetworkPolicy), nameof(HostEndpoint), nameof(GlobalNetworkSet) }));
    }
}
