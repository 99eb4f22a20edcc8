namespace SgLambda.Core.Events;

/// <summary>
/// A list of security group ids in a service's request (<c>securityGroups</c>, <c>securityGroupIds</c>,
/// <c>vpcSecurityGroupIds</c>): plain strings, or objects holding one (<c>{"securityGroupId": ..}</c>).
/// </summary>
internal static class GroupIdList
{
    public static IReadOnlyList<string> Read(JsonField list) =>
        [.. list.Items().SelectMany(item => item.Value.ValueKind == System.Text.Json.JsonValueKind.String
            ? [item.RequiredId(Ids.SecurityGroup, Ids.SecurityGroupKind)]
            : JsonSearch.SecurityGroupIds(item))];
}
