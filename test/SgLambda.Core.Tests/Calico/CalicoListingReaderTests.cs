using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.TestSupport.Synthetic;
using SgLambda.Core.Translation;

namespace SgLambda.Core.Tests.Calico;

/// <summary>
/// The reader a store lists the cluster with: the same objects as <see cref="CalicoSerializer.FromJsonNode"/>
/// reads, with each repeated string held once (the reconciler keeps a whole listing in memory).
/// </summary>
public class CalicoListingReaderTests
{
    [TestCase(CalicoApiGroups.ProjectCalicoV3)]
    [TestCase(CalicoApiGroups.CrdProjectCalicoV1)]
    public void Reads_every_object_as_the_serializer_does(string api)
    {
        var (snapshot, config) = SyntheticAccount.Generate(60, 240, 7);
        var reader = new CalicoListingReader();
        foreach (var value in Translator.Render(snapshot, config with { CalicoApiGroup = api }).Objects)
        {
            var node = CalicoSerializer.ToJsonNode(value);
            Assert.That(CalicoSerializer.ToJsonNode(reader.Read(node)).ToJsonString(), Is.EqualTo(CalicoSerializer.ToJsonNode(CalicoSerializer.FromJsonNode(node)).ToJsonString()), value.Key.ToString());
        }
    }

    [Test]
    public void Equal_strings_of_a_listing_are_one_instance()
    {
        var (snapshot, config) = SyntheticAccount.Generate(60, 240, 7);
        var reader = new CalicoListingReader();
        var read = Translator.Render(snapshot, config).Objects.OfType<GlobalNetworkPolicy>()
            .Select(p => (GlobalNetworkPolicy)reader.Read(CalicoSerializer.ToJsonNode(p))).ToList();
        var strings = read.SelectMany(p => p.Spec.Ingress ?? []).Concat(read.SelectMany(p => p.Spec.Egress ?? []))
            .SelectMany(r => new[] { r.Source?.Selector, r.Destination?.Selector }.Concat(r.Source?.Nets ?? []).Concat(r.Destination?.Nets ?? []))
            .OfType<string>().ToList();
        var labelKeys = read.SelectMany(p => p.Metadata.Labels?.Keys ?? []).ToList();

        Assert.That(strings.GroupBy(s => s).Any(g => g.Count() > 1), Is.True, "the account must repeat selectors or nets for this test to mean anything");
        foreach (var group in strings.Concat(labelKeys).GroupBy(s => s, StringComparer.Ordinal))
            Assert.That(group.All(s => ReferenceEquals(s, group.First())), Is.True, $"\"{group.Key}\" is read {group.Count()} times but not as one instance");
    }
}
