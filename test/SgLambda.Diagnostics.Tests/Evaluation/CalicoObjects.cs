using System.Collections.Immutable;
using System.Net;
using SgLambda.Core.Calico;
using SgLambda.Diagnostics.Evaluation;

namespace SgLambda.Diagnostics.Tests.Evaluation;

/// <summary>Short builders for Calico objects and pods in evaluator tests.</summary>
internal static class CalicoObjects
{
    private const string ApiVersion = "projectcalico.org/v3";

    public static ImmutableSortedDictionary<string, string> Labels(string text) =>
        LabelSelectorTests.Labels(text).ToImmutableSortedDictionary(StringComparer.Ordinal);

    public static Tier Tier(string name, double? order, string? defaultAction = null) =>
        new() { ApiVersion = ApiVersion, Metadata = new() { Name = name }, Spec = new() { Order = order, DefaultAction = defaultAction } };

    public static GlobalNetworkPolicy Policy(
        string name,
        string? tier,
        double? order = null,
        string? selector = "all()",
        string[]? types = null,
        Rule[]? ingress = null,
        Rule[]? egress = null) =>
        new()
        {
            ApiVersion = ApiVersion,
            Metadata = new() { Name = name },
            Spec = new() { Tier = tier, Order = order, Selector = selector, Types = types, Ingress = ingress, Egress = egress },
        };

    public static NetworkPolicy NamespacedPolicy(
        string ns,
        string name,
        string? tier,
        string? selector = "all()",
        string[]? types = null,
        Rule[]? ingress = null,
        Rule[]? egress = null) =>
        new()
        {
            ApiVersion = ApiVersion,
            Metadata = new() { Name = name, Namespace = ns },
            Spec = new() { Tier = tier, Selector = selector, Types = types, Ingress = ingress, Egress = egress },
        };

    public static HostEndpoint HostEndpoint(string name, string node, string labels, string[] expectedIps, string[]? profiles = null) =>
        new()
        {
            ApiVersion = ApiVersion,
            Metadata = new() { Name = name, Labels = Labels(labels) },
            Spec = new() { Node = node, ExpectedIPs = expectedIps, Profiles = profiles },
        };

    public static GlobalNetworkSet NetworkSet(string name, string labels, params string[] nets) =>
        new() { ApiVersion = ApiVersion, Metadata = new() { Name = name, Labels = Labels(labels) }, Spec = new() { Nets = nets } };

    public static Rule Rule(string action, EntityRule? source = null, EntityRule? destination = null, IntOrString? protocol = null) =>
        new() { Action = action, Source = source, Destination = destination, Protocol = protocol };

    public static Pod Pod(string ns, string name, string ip, string labels = "") =>
        new(ns, name, IPAddress.Parse(ip), LabelSelectorTests.Labels(labels));
}
