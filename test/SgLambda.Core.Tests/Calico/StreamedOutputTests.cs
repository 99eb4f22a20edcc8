using System.Globalization;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.TestSupport.Synthetic;
using SgLambda.Core.Translation;

namespace SgLambda.Core.Tests.Calico;

/// <summary>
/// <c>render</c> streams its output object by object; the text must stay exactly what the List and the YAML
/// stream built in one piece are (the golden files hold those for the tutorial; these hold them for whole
/// synthetic accounts and for strings that need escaping or quoting).
/// </summary>
public class StreamedOutputTests
{
    [TestCase(1, CalicoApiGroups.ProjectCalicoV3)]
    [TestCase(2, CalicoApiGroups.CrdProjectCalicoV1)]
    [TestCase(3, CalicoApiGroups.ProjectCalicoV3)]
    public void Streamed_json_and_yaml_are_the_text_built_in_one_piece(int seed, string api)
    {
        var (snapshot, config) = SyntheticAccount.Generate(120, 480, seed);
        AssertSameText(Translator.Render(WithAwkwardDescriptions(snapshot), config with { CalicoApiGroup = api }).Objects);
    }

    [Test]
    public void An_empty_render_streams_as_an_empty_list_and_an_empty_stream() => AssertSameText([]);

    private static void AssertSameText(IReadOnlyList<CalicoObject> objects)
    {
        using var json = new StringWriter(CultureInfo.InvariantCulture);
        CalicoSerializer.WriteListJson(json, objects);
        Assert.That(json.ToString(), Is.EqualTo(CalicoSerializer.ToListJson(objects) + Environment.NewLine));

        using var yaml = new StringWriter(CultureInfo.InvariantCulture);
        YamlWriter.WriteObjects(yaml, objects);
        Assert.That(yaml.ToString(), Is.EqualTo(YamlWriter.Write(objects.Select(CalicoSerializer.ToJsonNode))));
    }

    // Rule descriptions end up in annotations: non-ASCII, HTML characters, quotes, YAML indicators and
    // look-alikes of numbers and booleans must come out as the one-piece writers wrote them.
    private static AwsSnapshot WithAwkwardDescriptions(AwsSnapshot snapshot)
    {
        string[] awkward = ["caf\u00e9 \u2192 <db> & 'ops'", "\"quoted\" \\ back", "yes", "0x1F", "- dash", "key: value", "tab\there", "trailing ", " leading", "", "\u65e5\u672c"];
        var index = 0;
        IpPermission Describe(IpPermission permission) => permission with
        {
            IpRanges = [.. permission.IpRanges.Select(range => range with { Description = awkward[index++ % awkward.Length] })],
        };
        return snapshot with
        {
            SecurityGroups = [.. snapshot.SecurityGroups.Select(group => group with
            {
                IpPermissions = [.. group.IpPermissions.Select(Describe)],
                IpPermissionsEgress = [.. group.IpPermissionsEgress.Select(Describe)],
            })],
        };
    }
}
