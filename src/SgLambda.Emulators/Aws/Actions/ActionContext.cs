using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;

namespace SgLambda.Emulators.Aws.Actions;

/// <summary>What an action handler works with: the call's parameters and the account.</summary>
internal sealed record ActionContext(AwsQueryRequest Request, Ec2Account Account);
