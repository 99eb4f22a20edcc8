namespace SgLambda.Emulators.Aws.Actions;

/// <summary>How CloudTrail records an action's parameters and response.</summary>
internal enum CloudTrailStyle
{
    /// <summary>EC2's long-standing actions: camelCase names, lists as <c>{"items": [...]}</c>, <c>_return</c>.</summary>
    Ec2Classic,

    /// <summary>
    /// EC2's newer actions (ModifySecurityGroupRules, managed prefix lists): the Query parameters as sent,
    /// wrapped in <c>{"&lt;Action&gt;Request": {...}}</c>, and the XML response in <c>{"&lt;Action&gt;Response": {...}}</c>.
    /// </summary>
    Ec2QueryEnvelope,

    /// <summary>RDS: camelCase (<c>dBInstanceIdentifier</c>), lists as JSON arrays, the result object as responseElements.</summary>
    Rds,
}
