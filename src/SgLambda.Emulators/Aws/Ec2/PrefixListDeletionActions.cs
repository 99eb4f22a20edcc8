using SgLambda.Emulators.Aws.Actions;
using SgLambda.Emulators.Aws.CloudTrail;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Ec2;

/// <summary>
/// DeleteManagedPrefixList (Terraform's destroy of <c>aws_ec2_managed_prefix_list</c>): answers the list in state
/// <c>delete-in-progress</c> (<c>prefixList</c>, botocore's DeleteManagedPrefixListResult) and removes it at once,
/// like every state transition here; recorded in CloudTrail wrapped like the other prefix list calls.
/// </summary>
internal static class PrefixListDeletionActions
{
    public static IEnumerable<ActionDefinition> All =>
    [
        new("DeleteManagedPrefixList", AwsService.Ec2, DeleteManagedPrefixList, true, CloudTrailStyle.Ec2QueryEnvelope,
            r => QueryEnvelope.Request("DeleteManagedPrefixList", r)),
    ];

    private static ActionOutcome DeleteManagedPrefixList(ActionContext context)
    {
        var (request, account) = context;
        var list = account.DeletePrefixList(request.Required("PrefixListId"));
        return new ActionOutcome(new WireStruct().Add("prefixList", Ec2Shapes.PrefixList(account, list, "delete-in-progress")));
    }
}
