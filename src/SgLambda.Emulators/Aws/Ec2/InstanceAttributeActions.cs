using System.Text.Json.Nodes;
using SgLambda.Emulators.Aws.Actions;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Ec2;

/// <summary>
/// What Terraform's <c>aws_instance</c> reads besides DescribeInstances: DescribeInstanceTypes (whether the type is
/// burstable), DescribeInstanceAttribute, DescribeInstanceCreditSpecifications, and ModifyInstanceAttribute for the
/// instance's security groups (<c>GroupId.N</c>, applied to its primary ENI as EC2 does). Element names from
/// botocore's ec2 model (<c>instanceTypeSet</c>, <c>InstanceAttribute</c>'s locationNames, <c>instanceCreditSpecificationSet</c>).
/// Instance types are known by name only: the answer says what the name tells (family, burstable) and nothing invented.
/// </summary>
internal static class InstanceAttributeActions
{
    // T2 launches with standard CPU credits, T3, T3a and T4g with unlimited ("Burstable performance instances", EC2 User Guide).
    private static readonly Dictionary<string, string> BurstableDefaults = new(StringComparer.Ordinal)
    {
        ["t2"] = "standard", ["t3"] = "unlimited", ["t3a"] = "unlimited", ["t4g"] = "unlimited",
    };

    public static IEnumerable<ActionDefinition> All =>
    [
        new("DescribeInstanceTypes", AwsService.Ec2, DescribeInstanceTypes),
        new("DescribeInstanceAttribute", AwsService.Ec2, DescribeInstanceAttribute),
        new("DescribeInstanceCreditSpecifications", AwsService.Ec2, DescribeInstanceCreditSpecifications),
        new("ModifyInstanceAttribute", AwsService.Ec2, ModifyInstanceAttribute, Mutating: true, RequestParameters: ModifyParameters),
    ];

    private static string Family(string instanceType) => instanceType.Split('.')[0];

    private static ActionOutcome DescribeInstanceTypes(ActionContext context)
    {
        var (request, account) = context;
        var requested = request.GetList("InstanceType");
        var known = requested.Count > 0 ? requested : [.. account.Instances.Select(i => i.InstanceType).Distinct(StringComparer.Ordinal)];
        foreach (var type in known)
        {
            if (type.Split('.') is not [{ Length: > 0 }, { Length: > 0 }])
                throw new AwsApiException("InvalidInstanceType", $"The following supplied instance types do not exist: [{type}]");
        }
        return new ActionOutcome(new WireStruct()
            .Add("instanceTypeSet", new WireList(known.Select(type => new WireStruct()
                .Add("instanceType", type)
                .Add("burstablePerformanceSupported", BurstableDefaults.ContainsKey(Family(type)))))));
    }

    private static ActionOutcome DescribeInstanceAttribute(ActionContext context)
    {
        var (request, account) = context;
        var instance = Instance(account, request.Required("InstanceId"));
        var attribute = request.Required("Attribute");
        var eni = account.FindNetworkInterface(instance.PrimaryNetworkInterfaceId);
        WireNode Flag(bool value) => new WireStruct().Add("value", value);
        var result = new WireStruct().Add("instanceId", instance.InstanceId);
        return new ActionOutcome(attribute switch
        {
            "disableApiTermination" => result.Add("disableApiTermination", Flag(false)),
            "disableApiStop" => result.Add("disableApiStop", Flag(false)),
            "instanceInitiatedShutdownBehavior" => result.Add("instanceInitiatedShutdownBehavior", new WireStruct().Add("value", "stop")),
            "instanceType" => result.Add("instanceType", new WireStruct().Add("value", instance.InstanceType)),
            // No user data: the element is there, without a value.
            "userData" => result.Add("userData", new WireStruct()),
            "ebsOptimized" => result.Add("ebsOptimized", Flag(false)),
            "sourceDestCheck" => result.Add("sourceDestCheck", Flag(eni?.SourceDestCheck ?? true)),
            "groupSet" => result.Add("groupSet", new WireList((eni?.GroupIds ?? []).Select(id => new WireStruct()
                .Add("groupId", id)
                .Add("groupName", account.FindSecurityGroup(id)?.GroupName)))),
            _ => throw Ec2Errors.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. The sandbox answers disableApiTermination, disableApiStop, instanceInitiatedShutdownBehavior, instanceType, userData, ebsOptimized, sourceDestCheck and groupSet."),
        });
    }

    private static ActionOutcome DescribeInstanceCreditSpecifications(ActionContext context)
    {
        var (request, account) = context;
        var ids = request.GetList("InstanceId");
        var instances = ids.Count > 0 ? ids.Select(id => Instance(account, id)).ToList() : [.. account.Instances];
        return new ActionOutcome(new WireStruct()
            .Add("instanceCreditSpecificationSet", new WireList(instances
                .Where(i => BurstableDefaults.ContainsKey(Family(i.InstanceType)))
                .Select(i => new WireStruct()
                    .Add("instanceId", i.InstanceId)
                    .Add("cpuCredits", BurstableDefaults[Family(i.InstanceType)])))));
    }

    private static ActionOutcome ModifyInstanceAttribute(ActionContext context)
    {
        var (request, account) = context;
        var instance = Instance(account, request.Required("InstanceId"));
        var groups = request.GetList("GroupId");
        if (groups.Count == 0)
            throw Ec2Errors.InvalidParameterValue("The sandbox's ModifyInstanceAttribute changes only the security groups (GroupId.N)");
        account.SetGroups(instance.PrimaryNetworkInterfaceId, groups);
        return new ActionOutcome(new WireStruct().Add("return", true));
    }

    // CloudTrail's requestParameters: {"instanceId", "groupSet": {"items": [{"groupId"}]}} (camelCase, lists as items).
    private static JsonObject ModifyParameters(AwsQueryRequest request) => new()
    {
        ["instanceId"] = request.Get("InstanceId"),
        ["groupSet"] = new JsonObject
        {
            ["items"] = new JsonArray([.. request.GetList("GroupId").Select(id => (JsonNode?)new JsonObject { ["groupId"] = id })]),
        },
    };

    private static Ec2Instance Instance(Ec2Account account, string id) =>
        account.FindInstance(id) ?? throw Ec2Errors.InstanceNotFound([id]);
}
