using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

public class CatalogTests
{
    [TestCase("crd.projectcalico.org", "v1")]
    [TestCase("projectcalico.org", "v3")]
    public void Both_Calico_groups_are_served_with_their_CRDs_names_and_scopes(string group, string version)
    {
        var catalog = ApiResourceCatalog.Load(CalicoCrdsFolder.Root);
        var served = catalog.Resources.Where(resource => resource.Group == group && resource.Version == version)
            .OrderBy(resource => resource.Plural, StringComparer.Ordinal)
            .Select(resource => $"{resource.Plural}:{resource.Kind}:{(resource.Namespaced ? "Namespaced" : "Cluster")}");
        Assert.That(served, Is.EqualTo(new[]
        {
            "globalnetworkpolicies:GlobalNetworkPolicy:Cluster",
            "globalnetworksets:GlobalNetworkSet:Cluster",
            "hostendpoints:HostEndpoint:Cluster",
            "networkpolicies:NetworkPolicy:Namespaced",
            "stagedglobalnetworkpolicies:StagedGlobalNetworkPolicy:Cluster",
            "tiers:Tier:Cluster",
        }));
    }

    [Test]
    public void The_status_subresource_and_selectable_fields_come_from_the_CRD()
    {
        var catalog = ApiResourceCatalog.Load(CalicoCrdsFolder.Root);
        Assert.That(catalog.RequireKind("crd.projectcalico.org/v1", "Tier").HasStatusSubresource, Is.True);
        Assert.That(catalog.RequireKind("crd.projectcalico.org/v1", "GlobalNetworkPolicy").HasStatusSubresource, Is.False);
        Assert.That(catalog.RequireKind("projectcalico.org/v3", "GlobalNetworkPolicy").SelectableFields, Is.EqualTo(new[] { "spec.tier" }));
    }

    [Test]
    public void Paths_resolve_to_resources_namespaces_and_names()
    {
        var catalog = ApiResourceCatalog.Load(CalicoCrdsFolder.Root);
        var namespaced = ApiPath.Parse("/apis/crd.projectcalico.org/v1/namespaces/shop/networkpolicies/p", catalog)!;
        Assert.That((namespaced.Resource.Plural, namespaced.Namespace, namespaced.Name), Is.EqualTo(("networkpolicies", "shop", "p")));
        var namespaceObject = ApiPath.Parse("/api/v1/namespaces/shop", catalog)!;
        Assert.That((namespaceObject.Resource.Plural, namespaceObject.Namespace, namespaceObject.Name), Is.EqualTo(("namespaces", (string?)null, "shop")));
        var core = ApiPath.Parse("/api/v1/namespaces/shop/pods", catalog)!;
        Assert.That((core.Resource.Plural, core.Namespace, core.Name), Is.EqualTo(("pods", "shop", (string?)null)));
        Assert.That(ApiPath.Parse("/apis/crd.projectcalico.org/v3/tiers", catalog), Is.Null);
        Assert.That(ApiPath.Parse("/healthz", catalog), Is.Null);
    }
}
