using System.Text;
using SgLambda.Core.Calico;
using SgLambda.Core.Input;
using SgLambda.TestSupport.Synthetic;
using SgLambda.Core.Translation;

namespace SgLambda.Core.Tests.Input;

/// <summary>The files the benchmark writes are read back by render's parsers into the same translation.</summary>
public class RenderInputWriterTests
{
    [TestCase(1)]
    [TestCase(2)]
    public void A_written_account_parses_back_to_the_same_render(int seed)
    {
        var (snapshot, config) = SyntheticAccount.Generate(80, 320, seed);
        var files = RenderInputWriter.Write(snapshot, config);
        InputFile File(string name) => new(name, (ReadOnlyMemory<byte>)files[name]);

        var input = InputParser.ParseRenderInput(new RenderInputFiles
        {
            SecurityGroups = File(RenderInputWriter.SecurityGroupsFile),
            NetworkInterfaces = File(RenderInputWriter.NetworkInterfacesFile),
            Vpcs = File(RenderInputWriter.VpcsFile),
            PrefixLists = File(RenderInputWriter.PrefixListsFile),
            Nodes = File(RenderInputWriter.NodesFile),
            SecurityGroupRules = File(RenderInputWriter.SecurityGroupRulesFile),
            Config = File(RenderInputWriter.ConfigFile),
        });

        Assert.That(input.Config.NodeSecurityGroupIds, Is.EqualTo(config.NodeSecurityGroupIds));
        Assert.That(input.Config.ExemptNamespaces, Is.EqualTo(config.ExemptNamespaces));
        Assert.That(input.Config with { NodeSecurityGroupIds = [], ExemptNamespaces = [] }, Is.EqualTo(config with { NodeSecurityGroupIds = [], ExemptNamespaces = [] }));
        Assert.That(CalicoSerializer.ToListJson(Translator.Render(input.Snapshot, input.Config).Objects),
            Is.EqualTo(CalicoSerializer.ToListJson(Translator.Render(snapshot, config).Objects)));
    }

    [Test]
    public void Files_are_indented_as_the_AWS_CLI_prints_them()
    {
        var (snapshot, config) = SyntheticAccount.Generate(10, 20, seed: 1);
        var text = Encoding.UTF8.GetString(RenderInputWriter.Write(snapshot, config)[RenderInputWriter.SecurityGroupsFile]);
        Assert.That(text, Does.StartWith("{\n    \"SecurityGroups\": [\n        {"));
        Assert.That(text, Does.Not.Contain("null"));
    }
}
