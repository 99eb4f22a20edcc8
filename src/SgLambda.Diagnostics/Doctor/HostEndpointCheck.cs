using System.Collections.Immutable;
using SgLambda.Core.Calico;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// A HostEndpoint for every VPC member and cluster node, with the IPs and labels the render gives it, and
/// none left for ENIs that are gone.
/// </summary>
public static class HostEndpointCheck
{
    public const string Title = "A HostEndpoint for every VPC member and node, with the right IPs and labels";

    public static CheckResult Run(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<DoctorFinding>();
        foreach (var desired in context.Rendered.Objects.OfType<HostEndpoint>())
        {
            var key = desired.Key;
            var what = Describe(desired);
            if (!context.ClusterByKey.TryGetValue(key, out var found) || found is not HostEndpoint actual)
            {
                findings.Add(new DoctorFinding(CheckIds.HostEndpoints, FindingIds.HostEndpointMissing, DoctorSeverity.Error, key.ToString(),
                    $"{what} has no HostEndpoint {key.Name}",
                    "selectors for its security groups match no IP, so traffic between it and the pods of those SGs is denied",
                    DoctorContext.ReconcileFix) { Objects = [key] });
                continue;
            }

            var expectedIps = desired.Spec.ExpectedIPs ?? [];
            var actualIps = actual.Spec.ExpectedIPs ?? [];
            if (!expectedIps.ToHashSet(StringComparer.Ordinal).SetEquals(actualIps))
            {
                findings.Add(new DoctorFinding(CheckIds.HostEndpoints, FindingIds.HostEndpointIps, DoctorSeverity.Error, key.ToString(),
                    $"HostEndpoint {key.Name} has IPs [{string.Join(", ", actualIps)}], {what} has [{string.Join(", ", expectedIps)}]",
                    "SG rules that name its groups match the wrong addresses: its real traffic is denied, and whoever holds the old IPs is allowed",
                    DoctorContext.ReconcileFix) { Objects = [key] });
            }

            var labelDifferences = Differences(desired.Metadata.Labels, actual.Metadata.Labels);
            if (labelDifferences.Count > 0)
            {
                findings.Add(new DoctorFinding(CheckIds.HostEndpoints, FindingIds.HostEndpointLabels, DoctorSeverity.Error, key.ToString(),
                    $"HostEndpoint {key.Name} has wrong labels: {string.Join("; ", labelDifferences)}",
                    "its labels say which security groups it is in: wrong labels put it in the wrong SGs' rules",
                    DoctorContext.ReconcileFix) { Objects = [key] });
            }
        }

        foreach (var stale in context.Owned.OfType<HostEndpoint>().Where(e => !context.RenderedByKey.ContainsKey(e.Key)).OrderBy(e => e.Key))
        {
            findings.Add(new DoctorFinding(CheckIds.HostEndpoints, FindingIds.HostEndpointStale, DoctorSeverity.Warning, stale.Key.ToString(),
                $"HostEndpoint {stale.Metadata.Name} stands for {stale.Metadata.Labels?.GetValueOrDefault(LabelKeys.EniId) ?? "an ENI"}, which is no longer a VPC member or node",
                "its IPs still count as members of its SGs; whoever gets those IPs next is treated as such",
                DoctorContext.ReconcileFix) { Objects = [stale.Key] });
        }
        return CheckResult.Of(CheckIds.HostEndpoints, Title, findings);
    }

    private static string Describe(HostEndpoint desired)
    {
        var labels = desired.Metadata.Labels;
        var eni = labels?.GetValueOrDefault(LabelKeys.EniId) ?? desired.Metadata.Name;
        return labels?.GetValueOrDefault(LabelKeys.EndpointKind) == EndpointKinds.ClusterNode
            ? $"cluster node {desired.Spec.Node} ({eni})"
            : $"VPC member {eni} ({labels?.GetValueOrDefault(LabelKeys.ResourceType) ?? "other"})";
    }

    private static List<string> Differences(ImmutableSortedDictionary<string, string>? expected, ImmutableSortedDictionary<string, string>? actual)
    {
        expected ??= ImmutableSortedDictionary<string, string>.Empty;
        actual ??= ImmutableSortedDictionary<string, string>.Empty;
        var differences = new List<string>();
        foreach (var (key, value) in expected.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!actual.TryGetValue(key, out var found)) differences.Add($"{key} missing");
            else if (!string.Equals(found, value, StringComparison.Ordinal)) differences.Add($"{key}={found}, expected {value}");
        }
        foreach (var key in actual.Keys.Where(k => !expected.ContainsKey(k) && IsContractLabel(k)).Order(StringComparer.Ordinal))
            differences.Add($"{key} unexpected");
        return differences;
    }

    /// <summary>Labels the contract defines; others (a user's own) are left to the user.</summary>
    private static bool IsContractLabel(string key) =>
        key.StartsWith(LabelKeys.SecurityGroupPrefix, StringComparison.Ordinal)
        || key.StartsWith("sglambda.io/", StringComparison.Ordinal)
        || string.Equals(key, LabelKeys.ManagedBy, StringComparison.Ordinal);
}
