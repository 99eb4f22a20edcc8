using System.Text.Json.Nodes;

namespace SgLambda.EndToEnd.Tests;

/// <summary>
/// CloudTrail API call events of services the EC2 emulator does not run (EFS, Elastic Load Balancing, ECS),
/// shaped as infra/events' samples: their calls change ENIs in the account, and the EC2-level change is not
/// always recorded, so these events are the only news of it.
/// </summary>
internal static class ServiceEvents
{
    public static string Call(string service, string eventName, JsonObject request, JsonObject? response = null) => new JsonObject
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = "AWS API Call via CloudTrail",
        ["source"] = "aws." + service,
        ["account"] = "111122223333",
        ["time"] = "2026-11-20T10:00:00Z",
        ["region"] = "us-west-2",
        ["resources"] = new JsonArray(),
        ["detail"] = new JsonObject
        {
            ["eventVersion"] = "1.09",
            ["eventSource"] = service + ".amazonaws.com",
            ["eventName"] = eventName,
            ["awsRegion"] = "us-west-2",
            ["requestParameters"] = request,
            ["responseElements"] = response,
            ["readOnly"] = false,
            ["eventType"] = "AwsApiCall",
            ["recipientAccountId"] = "111122223333",
        },
    }.ToJsonString();

    public static string ModifyMountTargetSecurityGroups(string mountTarget, params string[] groups) =>
        Call("elasticfilesystem", "ModifyMountTargetSecurityGroups", new JsonObject { ["mountTargetId"] = mountTarget, ["securityGroups"] = Array(groups) });

    public static string SetLoadBalancerSecurityGroups(string loadBalancer, params string[] groups) =>
        Call("elasticloadbalancing", "SetSecurityGroups", new JsonObject
        {
            ["loadBalancerArn"] = $"arn:aws:elasticloadbalancing:us-west-2:111122223333:loadbalancer/{loadBalancer}",
            ["securityGroups"] = Array(groups),
        });

    /// <summary>ECS is not in the classifier's table: its call reaches the unknown-service path.</summary>
    public static string UpdateEcsService(params string[] groups) =>
        Call("ecs", "UpdateService", new JsonObject
        {
            ["cluster"] = "e2e",
            ["service"] = "web",
            ["networkConfiguration"] = new JsonObject { ["awsvpcConfiguration"] = new JsonObject { ["securityGroups"] = Array(groups) } },
        });

    private static JsonArray Array(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
}
