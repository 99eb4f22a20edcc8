using System.Collections.Immutable;
using SgLambda.Core.Calico;

namespace SgLambda.Kubernetes.Tests;

/// <summary>Calico objects as the translation produces them, for either API group.</summary>
internal static class Calico
{
    public const string V1 = "crd.projectcalico.org/v1";
    public const string V3 = "projectcalico.org/v3";

    public static ImmutableSortedDictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToImmutableSortedDictionary(label => label.Key, label => label.Value, StringComparer.Ordinal);

    public static ImmutableSortedDictionary<string, string> Owned => Labels((LabelKeys.ManagedBy, LabelKeys.ManagedByValue));

    public static GlobalNetworkSet NetworkSet(string apiVersion, string name, params string[] nets) => new()
    {
        ApiVersion = apiVersion,
        Metadata = new ObjectMeta { Name = name, Labels = Owned.Add(LabelKeys.PrefixList, name) },
        Spec = new GlobalNetworkSetSpec { Nets = nets.Length == 0 ? ["10.0.0.0/8"] : nets },
    };

    public static Tier Tier(string apiVersion, string name, double order) => new()
    {
        ApiVersion = apiVersion,
        Metadata = new ObjectMeta { Name = name, Labels = Owned },
        Spec = new TierSpec { Order = order, DefaultAction = "Deny" },
    };

    public static GlobalNetworkPolicy TieredPolicy(string apiVersion, string tier, string name) => new()
    {
        ApiVersion = apiVersion,
        Metadata = new ObjectMeta { Name = $"{tier}.{name}", Labels = Owned },
        Spec = new PolicySpec { Tier = tier, Order = 10, Selector = "all()", Types = ["Ingress"], Ingress = [new Rule { Action = "Pass" }] },
    };

    public static NetworkPolicy NamespacedPolicy(string apiVersion, string objectNamespace, string name) => new()
    {
        ApiVersion = apiVersion,
        Metadata = new ObjectMeta { Name = name, Namespace = objectNamespace, Labels = Owned },
        Spec = new PolicySpec
        {
            Tier = "default",
            Order = 10,
            Selector = "all()",
            Types = ["Ingress"],
            Ingress = [new Rule { Action = "Pass" }],
        },
    };
}
