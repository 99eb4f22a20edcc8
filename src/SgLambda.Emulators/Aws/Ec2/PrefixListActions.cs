using SgLambda.Core.Aws;
using SgLambda.Emulators.Aws.Actions;
using SgLambda.Emulators.Aws.CloudTrail;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Ec2;

/// <summary>Managed prefix list actions of the EC2 Query API.</summary>
internal static class PrefixListActions
{
    public static IEnumerable<ActionDefinition> All =>
    [
        new("DescribeManagedPrefixLists", AwsService.Ec2, DescribeManagedPrefixLists),
        new("GetManagedPrefixListEntries", AwsService.Ec2, GetManagedPrefixListEntries),
        new("CreateManagedPrefixList", AwsService.Ec2, CreateManagedPrefixList, true, CloudTrailStyle.Ec2QueryEnvelope,
            r => QueryEnvelope.Request("CreateManagedPrefixList", r)),
        new("ModifyManagedPrefixList", AwsService.Ec2, ModifyManagedPrefixList, true, CloudTrailStyle.Ec2QueryEnvelope,
            r => QueryEnvelope.Request("ModifyManagedPrefixList", r)),
    ];

    private static ActionOutcome DescribeManagedPrefixLists(ActionContext context)
    {
        var (request, account) = context;
        var all = account.PrefixLists;
        var ids = request.GetList("PrefixListId");
        foreach (var id in ids)
        {
            if (!all.Any(p => string.Equals(p.PrefixListId, id, StringComparison.Ordinal))) throw Ec2Errors.PrefixListNotFound(id);
        }
        var selected = all.Where(p => ids.Count == 0 || ids.Contains(p.PrefixListId, StringComparer.Ordinal));
        var filtered = Filtering.Apply(selected, request.GetFilters(), new Dictionary<string, Func<Ec2PrefixList, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["prefix-list-id"] = p => Filtering.One(p.PrefixListId),
            ["prefix-list-name"] = p => Filtering.One(p.PrefixListName),
            ["owner-id"] = p => Filtering.One(p.OwnerId),
        }, p => p.Tags);
        var (page, next) = Paging.Apply(filtered, p => p.PrefixListId, request, 1, 100);
        return new ActionOutcome(new WireStruct()
            .Add("prefixListSet", new WireList(page.Select(p => Ec2Shapes.PrefixList(account, p))))
            .Add("nextToken", next));
    }

    private static ActionOutcome GetManagedPrefixListEntries(ActionContext context)
    {
        var (request, account) = context;
        var entries = account.PrefixListEntries(request.Required("PrefixListId"), request.GetInt("TargetVersion"));
        var (page, next) = Paging.Apply(entries, e => e.Cidr, request, 1, 100);
        return new ActionOutcome(new WireStruct()
            .Add("entrySet", new WireList(page.Select(Ec2Shapes.PrefixListEntry)))
            .Add("nextToken", next));
    }

    private static ActionOutcome CreateManagedPrefixList(ActionContext context)
    {
        var (request, account) = context;
        var list = account.CreatePrefixList(
            request.Required("PrefixListName"),
            request.Required("AddressFamily"),
            request.GetInt("MaxEntries") ?? throw Ec2Errors.MissingParameter("MaxEntries"),
            Entries(request, "Entry"),
            QueryParsers.Tags(request, "prefix-list"));
        return new ActionOutcome(new WireStruct().Add("prefixList", Ec2Shapes.PrefixList(account, list, state: "create-in-progress")));
    }

    private static ActionOutcome ModifyManagedPrefixList(ActionContext context)
    {
        var (request, account) = context;
        var list = account.ModifyPrefixList(
            request.Required("PrefixListId"),
            request.GetInt("CurrentVersion"),
            request.Get("PrefixListName"),
            Entries(request, "AddEntry"),
            [.. request.GetStructList("RemoveEntry").Select(e => e.Required("Cidr"))],
            request.GetInt("MaxEntries"));
        return new ActionOutcome(new WireStruct().Add("prefixList", Ec2Shapes.PrefixList(account, list, state: "modify-in-progress")));
    }

    private static IReadOnlyList<PrefixListEntry> Entries(AwsQueryRequest request, string prefix) =>
        [.. request.GetStructList(prefix).Select(e => new PrefixListEntry { Cidr = e.Required("Cidr"), Description = e.Get("Description") })];
}
