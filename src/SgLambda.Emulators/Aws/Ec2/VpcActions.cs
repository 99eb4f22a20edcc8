using SgLambda.Emulators.Aws.Actions;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Ec2;

/// <summary>VPC actions of the EC2 Query API.</summary>
internal static class VpcActions
{
    public static IEnumerable<ActionDefinition> All => [new("DescribeVpcs", AwsService.Ec2, DescribeVpcs)];

    private static ActionOutcome DescribeVpcs(ActionContext context)
    {
        var (request, account) = context;
        var all = account.Vpcs;
        var ids = request.GetList("VpcId");
        foreach (var id in ids)
        {
            if (!all.Any(v => string.Equals(v.VpcId, id, StringComparison.Ordinal))) throw Ec2Errors.VpcNotFound(id);
        }
        var selected = all.Where(v => ids.Count == 0 || ids.Contains(v.VpcId, StringComparer.Ordinal));
        var filtered = Filtering.Apply(selected, request.GetFilters(), new Dictionary<string, Func<Ec2Vpc, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["vpc-id"] = v => Filtering.One(v.VpcId),
            ["cidr"] = v => Filtering.One(v.CidrBlock),
            ["cidr-block-association.cidr-block"] = v => Filtering.One(v.CidrBlock),
            ["owner-id"] = v => Filtering.One(v.OwnerId),
            ["state"] = _ => Filtering.One("available"),
            ["is-default"] = _ => Filtering.Flag(false),
        }, v => v.Tags);
        var (page, next) = Paging.Apply(filtered, v => v.VpcId, request, 5, 1000);
        return new ActionOutcome(new WireStruct()
            .Add("vpcSet", new WireList(page.Select(Ec2Shapes.Vpc)))
            .Add("nextToken", next));
    }
}
