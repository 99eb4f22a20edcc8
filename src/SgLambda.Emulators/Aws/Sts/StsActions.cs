using SgLambda.Emulators.Aws.Actions;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Sts;

/// <summary>
/// STS's Query API (version 2011-06-15) as far as clients need it to learn their account: GetCallerIdentity
/// (the Terraform AWS provider calls it unless <c>skip_requesting_account_id</c>; <c>aws sts get-caller-identity</c>).
/// Shapes from botocore's sts service model: <c>GetCallerIdentityResult</c> with <c>UserId</c>, <c>Account</c>, <c>Arn</c>.
/// </summary>
internal static class StsActions
{
    public const string Version = "2011-06-15";
    public const string XmlNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static IEnumerable<ActionDefinition> All => [new("GetCallerIdentity", AwsService.Sts, GetCallerIdentity)];

    private static ActionOutcome GetCallerIdentity(ActionContext context)
    {
        var account = context.Account.AccountId;
        var user = context.Options?.UserName ?? new Ec2EmulatorOptions().UserName;
        // The IAM user CloudTrail names as the caller of every call (EventFactory's userIdentity).
        return new ActionOutcome(new WireStruct()
            .Add("UserId", "AIDA" + account.PadLeft(12, '0') + "EXAMPLE")
            .Add("Account", account)
            .Add("Arn", $"arn:aws:iam::{account}:user/{user}"));
    }
}
