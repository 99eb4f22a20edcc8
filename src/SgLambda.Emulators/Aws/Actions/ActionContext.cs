using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;

namespace SgLambda.Emulators.Aws.Actions;

/// <summary>What an action handler works with: the call's parameters and the account.</summary>
internal sealed record ActionContext(AwsQueryRequest Request, Ec2Account Account)
{
    /// <summary>How the emulator presents itself (the caller's IAM user, for STS).</summary>
    public Ec2EmulatorOptions? Options { get; init; }
}
