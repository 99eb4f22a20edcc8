using System.Globalization;
using SgLambda.Core.Calico;

namespace SgLambda.Core.Translation;

/// <summary>Policy names (SEMANTICS.md section 5): <c>&lt;tier&gt;.&lt;name&gt;</c>, at most one dot.</summary>
public static class PolicyNames
{
    public const string PassUngoverned = TierNames.SgRemote + ".pass-ungoverned";
    public const string DenyGoverned = TierNames.SgRemote + ".deny-governed";
    public const string AwsServices = TierNames.SgLocal + ".aws-services";
    public const string InstanceMetadata = TierNames.Metadata + ".instance-metadata";

    public static string Local(string groupId) => $"{TierNames.SgLocal}.{groupId}";

    public static string Remote(string groupId) => $"{TierNames.SgRemote}.{groupId}";

    /// <summary>Part 1 keeps the name; later parts of a split policy are <c>&lt;name&gt;-2</c>, <c>-3</c>, ...</summary>
    public static string Part(string name, int part) =>
        part == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}-{part}");
}
