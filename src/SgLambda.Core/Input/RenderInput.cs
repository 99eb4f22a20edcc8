using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Input;

/// <summary>What the translation takes: the AWS state and the configuration.</summary>
public sealed record RenderInput(AwsSnapshot Snapshot, SgLambdaConfig Config)
{
    /// <summary>What the files leave unknown and the translation cannot see (e.g. prefix lists without entries).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
