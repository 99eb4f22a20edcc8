using System.Globalization;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Translation;

/// <summary>
/// Which <c>sg-remote</c> policy a translated rule goes to: the policy of the SG its peer names (it binds
/// that SG's members), or, for a CIDR or prefix-list peer, one of a fixed number of shared policies that
/// every enforced endpoint walks (the bucket is a hash of the rule's own SG, so one SG's rules stay together).
/// </summary>
public abstract record RemoteTarget
{
    /// <summary>How many shared address-peer policies (before splitting at Calico's rule limit) there are.</summary>
    public const int AddressPeerBuckets = 8;

    private RemoteTarget()
    {
    }

    /// <summary>Policy name of the target (part 1).</summary>
    public abstract string PolicyName { get; }

    /// <summary>Enforced endpoints the target's policy applies to.</summary>
    public abstract string Selector(SgLambdaConfig config);

    /// <summary>The label (key, value) that names the target on each of its parts.</summary>
    public abstract KeyValuePair<string, string> Label { get; }

    /// <summary><c>sg-remote.for-&lt;sg&gt;</c>: the rules of every SG that names this one as a peer.</summary>
    public sealed record ForGroup(string GroupId) : RemoteTarget
    {
        public override string PolicyName => PolicyNames.RemoteFor(GroupId);

        public override string Selector(SgLambdaConfig config) => $"({Selectors.EnforcedEndpoint}) && ({Selectors.MemberOf(GroupId, config)})";

        public override KeyValuePair<string, string> Label => new(LabelKeys.LocalSecurityGroup, GroupId);
    }

    /// <summary><c>sg-remote.address-peers-&lt;n&gt;</c>: rules whose peer is a CIDR or a prefix list.</summary>
    public sealed record AddressPeers(int Bucket) : RemoteTarget
    {
        public override string PolicyName => PolicyNames.AddressPeers(Bucket);

        public override string Selector(SgLambdaConfig config) => Selectors.EnforcedEndpoint;

        public override KeyValuePair<string, string> Label => new(LabelKeys.AddressPeers, Bucket.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Where a rule of its SG goes.</summary>
    public static RemoteTarget Of(SecurityGroupRuleView rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Peer is RulePeer.GroupPeer group ? new ForGroup(group.GroupId) : AddressBucketOf(rule.GroupId);
    }

    /// <summary>The shared address-peer policy of an SG's CIDR and prefix-list rules: FNV-1a of its id, so it never moves.</summary>
    public static AddressPeers AddressBucketOf(string groupId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        var hash = 2166136261u;
        foreach (var c in groupId)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return new AddressPeers((int)(hash % AddressPeerBuckets) + 1);
    }

    /// <summary>The target a policy (any part) belongs to, from its labels; null for any other policy.</summary>
    public static RemoteTarget? FromLabels(IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null) return null;
        if (labels.TryGetValue(LabelKeys.LocalSecurityGroup, out var group) && group.Length > 0) return new ForGroup(group);
        return labels.TryGetValue(LabelKeys.AddressPeers, out var bucket)
            && int.TryParse(bucket, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? new AddressPeers(number)
            : null;
    }
}
