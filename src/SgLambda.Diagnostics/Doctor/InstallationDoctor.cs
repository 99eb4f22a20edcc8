
namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// Every check of an SgLambda installation (the removed integration's troubleshooting list and more), on
/// state read beforehand. Pure: the same input gives the same report.
/// </summary>
public static class InstallationDoctor
{
    public static DoctorReport Examine(DoctorInput input)
    {
        var context = new DoctorContext(input);
        var checks = new List<CheckResult>
        {
            TierCheck.Run(context),
            PolicyCheck.Run(context),
            HostEndpointCheck.Run(context),
            TrustSecurityGroupCheck.Run(context),
            EnforcedSecurityGroupCheck.Run(context),
            ForeignObjectCheck.Run(context),
        };
        var explained = checks.SelectMany(c => c.Findings).SelectMany(f => f.Objects).ToHashSet();
        checks.Add(DriftCheck.Run(context, explained));
        checks.Add(CompanionCheck.Run(context));
        checks.Add(PodReachCheck.Run(context));
        checks.Add(WebhookConfigurationCheck.Run(context));
        checks.Add(WebhookReachabilityCheck.Run(context));
        checks.Add(DeadLetterQueueCheck.Run(context));
        checks.Add(FunctionErrorsCheck.Run(context));
        return new DoctorReport(checks);
    }

    /// <summary>The kinds doctor reads from the cluster: the rendered ones, and namespaced policies (which may sit in a tier).</summary>
    public static IReadOnlyList<string> ClusterKinds { get; } = ["Tier", "GlobalNetworkSet", "HostEndpoint", "GlobalNetworkPolicy", "NetworkPolicy"];

}
