using System.Text.Json.Nodes;
using SgLambda.Core.Aws;
using SgLambda.Emulators.Aws.Actions;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Ec2;

/// <summary>
/// Tag actions of the EC2 Query API: CreateTags, DeleteTags (<c>ResourceId.N</c>, <c>Tag.N.Key/Value</c>) and
/// DescribeTags (<c>tagSet</c> of <c>resourceId</c>, <c>resourceType</c>, <c>key</c>, <c>value</c>), as botocore's
/// ec2 model names them. Terraform's provider uses them to change <c>tags</c> in place.
/// </summary>
internal static class TagActions
{
    public static IEnumerable<ActionDefinition> All =>
    [
        new("CreateTags", AwsService.Ec2, context => Change(context, remove: false), Mutating: true, RequestParameters: Parameters),
        new("DeleteTags", AwsService.Ec2, context => Change(context, remove: true), Mutating: true, RequestParameters: Parameters),
        new("DescribeTags", AwsService.Ec2, DescribeTags),
    ];

    private static ActionOutcome Change(ActionContext context, bool remove)
    {
        var (request, account) = context;
        var ids = request.GetList("ResourceId");
        if (ids.Count == 0) throw Ec2Errors.MissingParameter("resourceIdSet");
        var tags = Tags(request);
        if (!remove && tags.Count == 0) throw Ec2Errors.MissingParameter("tagSet");
        account.ChangeTags(ids, tags, remove);
        return new ActionOutcome(new WireStruct().Add("return", true));
    }

    private static List<Tag> Tags(AwsQueryRequest request) =>
        [.. request.GetStructList("Tag").Select(t => new Tag { Key = t.Get("Key") ?? "", Value = t.Get("Value") })];

    // CloudTrail's requestParameters of CreateTags/DeleteTags (camelCase, lists as {"items": [...]}).
    private static JsonObject Parameters(AwsQueryRequest request) => new JsonObject
    {
        ["resourcesSet"] = new JsonObject
        {
            ["items"] = new JsonArray([.. request.GetList("ResourceId")
                .Select(id => (JsonNode?)new JsonObject { ["resourceId"] = id })]),
        },
        ["tagSet"] = new JsonObject
        {
            ["items"] = new JsonArray([.. Tags(request)
                .Select(t => (JsonNode?)new JsonObject { ["key"] = t.Key, ["value"] = t.Value })]),
        },
    };

    private static ActionOutcome DescribeTags(ActionContext context)
    {
        var (request, account) = context;
        var all = account.Read(() => account.AllTags().ToList());
        var filtered = Filtering.Apply(all, request.GetFilters(), new Dictionary<string, Func<(string ResourceId, string ResourceType, Tag Tag), IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["resource-id"] = t => Filtering.One(t.ResourceId),
            ["resource-type"] = t => Filtering.One(t.ResourceType),
            ["key"] = t => Filtering.One(t.Tag.Key),
            ["value"] = t => Filtering.One(t.Tag.Value),
        });
        var (page, next) = Paging.Apply(filtered, t => t.ResourceId + "/" + t.Tag.Key, request, 5, 1000);
        return new ActionOutcome(new WireStruct()
            .Add("tagSet", new WireList(page.Select(t => new WireStruct()
                .Add("resourceId", t.ResourceId)
                .Add("resourceType", t.ResourceType)
                .Add("key", t.Tag.Key)
                .Add("value", t.Tag.Value ?? ""))))
            .Add("nextToken", next));
    }
}
