using BenchmarkDotNet.Attributes;
using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;
using SgLambda.TestSupport.Synthetic;
using SgLambda.Core.Translation;

namespace SgLambda.Benchmarks;

/// <summary>The whole translation of a synthetic account, as <c>sglambda render</c> and a full reconcile run it.</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private AwsSnapshot _snapshot = new();
    private SgLambdaConfig _config = new() { VpcId = "" };

    public static IEnumerable<AccountSize> Sizes => AccountSize.All;

    [ParamsSource(nameof(Sizes))]
    public AccountSize Size { get; set; } = AccountSize.All[0];

    [GlobalSetup]
    public void Generate() => (_snapshot, _config) = SyntheticAccount.Generate(Size.SecurityGroups, Size.NetworkInterfaces, AccountSize.Seed);

    [Benchmark]
    public RenderResult Render() => Translator.Render(_snapshot, _config);
}
