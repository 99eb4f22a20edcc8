using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Translation;

/// <summary>
/// Which EC2 instances are cluster nodes, and their node names. An instance is a node when a Node's
/// providerID names it, or when its primary ENI carries the enforced SG (the RunInstances event comes
/// before the node registers; SEMANTICS.md section 4).
/// </summary>
public sealed class ClusterNodes
{
    private readonly Dictionary<string, string?> _nameByInstance;

    private ClusterNodes(Dictionary<string, string?> nameByInstance) => _nameByInstance = nameByInstance;

    public static ClusterNodes From(AwsSnapshot snapshot, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(config);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var node in snapshot.Nodes)
        {
            if (node.InstanceId is { } instance) names[instance.Trim()] = node.Name;
        }
        if (config.EnforcedSecurityGroupId is { } enforced)
        {
            foreach (var eni in snapshot.NetworkInterfaces)
            {
                if (eni.Attachment?.InstanceId is { } instance
                    && EniClassifier.IsPrimary(eni)
                    && eni.Groups.Any(g => string.Equals(g.GroupId, enforced, StringComparison.Ordinal)))
                {
                    names.TryAdd(instance.Trim(), null);
                }
            }
        }
        return new ClusterNodes(names);
    }

    public bool IsNode(string instanceId) => _nameByInstance.ContainsKey(instanceId);

    /// <summary>The Node's name; null when the Node has not registered yet (use the ENI's private DNS name).</summary>
    public string? RegisteredName(string instanceId) => _nameByInstance.GetValueOrDefault(instanceId);
}
