using SgLambda.Core.Calico;
using SgLambda.Diagnostics.Doctor;
using SgLambda.Core.NetworkPolicies;
using static SgLambda.Diagnostics.Tests.Doctor.Installation;

namespace SgLambda.Diagnostics.Tests.Doctor;

/// <summary>The SG-aware NetworkPolicy companions: each fault found once, by the companion check only.</summary>
public class CompanionCheckTests
{
    private static readonly string CompanionSubject = Companion().Key.ToString();

    [Test]
    public void A_missing_companion_is_found()
    {
        var input = Healthy() with { Cluster = Cluster().Where(o => o is not NetworkPolicy).ToList() };

        Assert.That(Found(input), Is.EqualTo(new[] { (CheckIds.Companions, FindingIds.CompanionMissing, CompanionSubject) }));
    }

    [Test]
    public void A_companion_edited_by_hand_is_found()
    {
        var edited = Companion() with { Spec = Companion().Spec with { Ingress = [] } };
        var input = Healthy() with { Cluster = [.. Cluster().Where(o => o is not NetworkPolicy), edited] };

        Assert.That(Found(input), Is.EqualTo(new[] { (CheckIds.Companions, FindingIds.CompanionStale, CompanionSubject) }));
    }

    [Test]
    public void A_companion_whose_network_policy_is_gone_is_a_warning()
    {
        var input = Healthy() with { NetworkPolicies = Observation.Of<IReadOnlyList<KubernetesNetworkPolicy>>([]) };

        var finding = InstallationDoctor.Examine(input).Findings.Single();

        Assert.That((finding.Check, finding.Id, finding.Subject, finding.Severity),
            Is.EqualTo((CheckIds.Companions, FindingIds.CompanionStale, CompanionSubject, DoctorSeverity.Warning)));
    }

    [Test]
    public void A_users_policy_with_the_companions_name_is_found_and_named_in_the_fix()
    {
        var users = Companion() with { Metadata = Companion().Metadata with { Labels = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, string>("team", "web")]) } };
        var input = Healthy() with { Cluster = [.. Cluster().Where(o => o is not NetworkPolicy), users] };

        var findings = InstallationDoctor.Examine(input).Findings.ToList();

        Assert.That(findings.Select(f => (f.Check, f.Id, f.Subject)), Is.EqualTo(new[] { (CheckIds.Companions, FindingIds.CompanionNameTaken, CompanionSubject) }));
        Assert.That(findings[0].Fix, Does.Contain($"kubectl delete networkpolicies.projectcalico.org -n {users.Metadata.Namespace} {users.Metadata.Name}"));
    }

    [Test]
    public void Without_the_network_policies_the_check_is_skipped()
    {
        var input = Healthy() with { NetworkPolicies = Observation.Skipped<IReadOnlyList<KubernetesNetworkPolicy>>("not read") };

        var check = InstallationDoctor.Examine(input).Checks.Single(c => c.Check == CheckIds.Companions);

        Assert.That((check.Status, check.SkipReason), Is.EqualTo((CheckStatus.Skipped, "not read")));
    }
}
