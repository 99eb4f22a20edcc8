namespace SgLambda.Core.Admission;

/// <summary>Annotation keys the admission webhook reads beyond the contract's pod keys (see LabelKeys).</summary>
public static class AdmissionKeys
{
    /// <summary>
    /// Namespace annotation: <c>*</c> or a JSON list of SG ids that pods of the namespace may claim.
    /// Absent means no restriction.
    /// </summary>
    public const string AllowedSecurityGroupsAnnotation = "sglambda.io/allowed-security-groups";

    /// <summary>The example id every message shows as the right form.</summary>
    public const string ExampleSecurityGroupId = "sg-0123456789abcdef0";
}
