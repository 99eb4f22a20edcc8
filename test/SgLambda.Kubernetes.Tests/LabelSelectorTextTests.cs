using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Core.Calico;
using ApiServerSelector = SgLambda.Emulators.Kubernetes.ApiServer.LabelSelector;

namespace SgLambda.Kubernetes.Tests;

/// <summary>
/// A typed <see cref="LabelQuery"/> as the adapter writes it on the wire, judged by the API emulator's own
/// selector parser: what the in-memory store evaluates is what the API server selects.
/// </summary>
public class LabelSelectorTextTests
{
    [Test]
    public void Each_requirement_is_written_as_the_API_server_reads_it()
    {
        Assert.That(LabelSelectorText.Render(LabelQuery.Everything), Is.Empty);
        Assert.That(LabelSelectorText.Render(LabelQuery.Equal("app.kubernetes.io/managed-by", "sglambda")), Is.EqualTo("app.kubernetes.io/managed-by=sglambda"));
        Assert.That(LabelSelectorText.Render(LabelQuery.Exists("sg.aws.tigera.io/sg-0a1")), Is.EqualTo("sg.aws.tigera.io/sg-0a1"));
        Assert.That(LabelSelectorText.Render(LabelQuery.In("eni", ["eni-2", "eni-10", "eni-1"])), Is.EqualTo("eni in (eni-1,eni-10,eni-2)"));
        Assert.That(LabelSelectorText.Render(LabelQuery.Exists("a").And(LabelQuery.Equal("b", "c"))), Is.EqualTo("a,b=c"));
    }

    private static readonly string[] Keys = ["app", "sg.aws.tigera.io/sg-1", "tier", "example.com/x-y"];
    private static readonly string[] Values = ["a", "b", "sg-0a1", "x.y_z", ""];

    private static Gen<LabelQuery> Requirement() =>
        from key in Gen.Elements(Keys)
        from kind in Gen.Choose(0, 2)
        from values in Gen.NonEmptyListOf(Gen.Elements(Values.Where(v => v.Length > 0).ToArray()))
        select kind switch
        {
            0 => LabelQuery.Exists(key),
            1 => LabelQuery.Equal(key, values[0]),
            _ => LabelQuery.In(key, values),
        };

    private static Gen<LabelQuery> Query() =>
        from count in Gen.Choose(0, 3)
        from parts in Gen.ListOf(Requirement(), count)
        select parts.Aggregate(LabelQuery.Everything, (query, part) => query.And(part));

    private static Gen<ImmutableDictionary<string, string>> Labels() =>
        from pairs in Gen.ListOf(from key in Gen.Elements(Keys) from value in Gen.Elements(Values) select (key, value))
        select pairs.GroupBy(pair => pair.key).ToImmutableDictionary(same => same.Key, same => same.First().value, StringComparer.Ordinal);

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property The_in_memory_evaluation_agrees_with_the_API_servers_reading_of_the_rendered_selector()
    {
        var cases = from query in Query() from labels in Labels() select (query, labels);
        return Prop.ForAll(cases.ToArbitrary(), testCase =>
        {
            var (query, labels) = testCase;
            var selector = ApiServerSelector.Parse(LabelSelectorText.Render(query));
            return query.Matches(labels) == selector.Matches(labels);
        });
    }
}
