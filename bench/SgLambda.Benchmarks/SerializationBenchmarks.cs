using BenchmarkDotNet.Attributes;
using SgLambda.Core.Calico;
using SgLambda.TestSupport.Synthetic;
using SgLambda.Core.Translation;

namespace SgLambda.Benchmarks;

/// <summary>Printing the largest account's render, as <c>sglambda render -o json</c> and <c>-o yaml</c> do.</summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private IReadOnlyList<CalicoObject> _objects = [];

    [GlobalSetup]
    public void RenderLargestAccount()
    {
        var size = AccountSize.Largest;
        var (snapshot, config) = SyntheticAccount.Generate(size.SecurityGroups, size.NetworkInterfaces, AccountSize.Seed);
        _objects = Translator.Render(snapshot, config).Objects;
    }

    [Benchmark]
    public string ListJson() => CalicoSerializer.ToListJson(_objects);

    [Benchmark]
    public string Yaml() => YamlWriter.Write(_objects.Select(CalicoSerializer.ToJsonNode));
}
