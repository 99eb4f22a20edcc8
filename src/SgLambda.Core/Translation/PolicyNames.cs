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

    /// <summary>
    /// The <c>sg-remote</c> policy for the members of an SG: the rules of every SG that names it. Not
    /// <c>sg-remote.&lt;sg&gt;</c>, which the earlier construction used for the SG's own rules: distinct names
    /// let an upgrade apply every new policy before it deletes an old one.
    /// </summary>
    public static string RemoteFor(string groupId) => $"{TierNames.SgRemote}.for-{groupId}";

    /// <summary>A shared <c>sg-remote</c> policy of rules whose peer is a CIDR or a prefix list.</summary>
    public static string AddressPeers(int bucket) =>
        string.Create(CultureInfo.InvariantCulture, $"{TierNames.SgRemote}.address-peers-{bucket}");

    /// <summary>Part 1 keeps the name; later parts of a split policy are <c>&lt;name&gt;-2</c>, <c>-3</c>, ...</summary>
    public static string Part(string name, int part) =>
        part == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}-{part}");

    /// <summary>The part number of <paramref name="name"/> as a part of <paramref name="baseName"/>, or null.</summary>
    public static int? PartOf(string name, string baseName)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(baseName);
        if (string.Equals(name, baseName, StringComparison.Ordinal)) return 1;
        return name.StartsWith(baseName + "-", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(baseName.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var part) && part >= 2
            ? part
            : null;
    }
}
