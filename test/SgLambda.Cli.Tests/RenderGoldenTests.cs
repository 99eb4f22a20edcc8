using System.Text.Json.Nodes;
using SgLambda.Core.Calico;

namespace SgLambda.Cli.Tests;

/// <summary>
/// <c>sglambda render</c> of the tutorial (infra/examples/tutorial) against the golden files in Golden/.
/// After an intended change of the output, regenerate them with
/// <c>SGLAMBDA_UPDATE_GOLDEN=1 dotnet test test/SgLambda.Cli.Tests</c> and review the diff like code.
/// </summary>
public sealed class RenderGoldenTests
{
    private static bool UpdateGolden =>
        string.Equals(Environment.GetEnvironmentVariable("SGLAMBDA_UPDATE_GOLDEN"), "1", StringComparison.Ordinal);

    private static void AssertMatchesGolden(string actual, string goldenFile)
    {
        var path = Path.Combine(RepositoryPaths.Golden, goldenFile);
        if (UpdateGolden) File.WriteAllText(path, actual);
        Assert.That(File.Exists(path), Is.True, $"{path} is missing: run with SGLAMBDA_UPDATE_GOLDEN=1 to create it");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path)));
    }

    [Test]
    public void Yaml_output_matches_the_golden_file()
    {
        var result = CliResult.Run(TutorialArguments.Render(RepositoryPaths.Tutorial, "-o", "yaml"));

        Assert.That(result.Stderr, Is.Empty);
        Assert.That(result.ExitCode, Is.EqualTo(0));
        AssertMatchesGolden(result.Stdout, "tutorial.yaml");
    }

    [Test]
    public void Json_output_matches_the_golden_file()
    {
        var result = CliResult.Run(TutorialArguments.Render(RepositoryPaths.Tutorial, "-o", "json"));

        Assert.That(result.Stderr, Is.Empty);
        Assert.That(result.ExitCode, Is.EqualTo(0));
        AssertMatchesGolden(result.Stdout, "tutorial.json");
    }

    [Test]
    public void Yaml_is_the_default_output()
    {
        var result = CliResult.Run(TutorialArguments.Render(RepositoryPaths.Tutorial));

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Stdout, Is.EqualTo(CliResult.Run(TutorialArguments.Render(RepositoryPaths.Tutorial, "-o", "yaml")).Stdout));
    }

    [Test]
    public void Json_output_is_a_kubectl_List_of_the_same_objects_as_the_yaml_stream()
    {
        var json = CliResult.Run(TutorialArguments.Render(RepositoryPaths.Tutorial, "--output", "json")).Stdout;
        var yaml = CliResult.Run(TutorialArguments.Render(RepositoryPaths.Tutorial)).Stdout;

        var list = JsonNode.Parse(json)!.AsObject();
        Assert.That(list["apiVersion"]?.GetValue<string>(), Is.EqualTo("v1"));
        Assert.That(list["kind"]?.GetValue<string>(), Is.EqualTo("List"));
        var objects = list["items"]!.AsArray().Select(item => CalicoSerializer.FromJsonNode(item!)).ToList();
        Assert.That(objects, Is.Not.Empty);
        Assert.That(objects.Select(o => o.Key), Is.Ordered.Using((IComparer<ObjectKey>)Comparer<ObjectKey>.Default), "sorted by kind, then name");
        Assert.That(objects.Select(o => o.Kind).Distinct(), Is.EquivalentTo(new[] { "GlobalNetworkPolicy", "GlobalNetworkSet", "HostEndpoint", "Tier" }));
        Assert.That(YamlWriter.Write(objects.Select(CalicoSerializer.ToJsonNode)), Is.EqualTo(yaml));
    }

    [Test]
    public void Raw_describe_managed_prefix_lists_output_with_its_entries_renders_as_the_joined_file()
    {
        // What the AWS CLI prints, each command on its own, for the tutorial's office list.
        var folder = Directory.CreateTempSubdirectory("sglambda-pls-").FullName;
        try
        {
            var lists = Path.Combine(folder, "describe-managed-prefix-lists.json");
            File.WriteAllText(lists, """{"PrefixLists": [{"PrefixListId": "pl-0c2e4a6b8d0f13579", "AddressFamily": "IPv4", "State": "create-complete", "PrefixListName": "office-networks", "MaxEntries": 10, "Version": 1, "OwnerId": "111122223333"}]}""");
            var entries = Path.Combine(folder, "entries.json");
            File.WriteAllText(entries, """{"Entries": [{"Cidr": "198.51.100.0/24", "Description": "Branch office"}, {"Cidr": "203.0.113.0/24", "Description": "Head office"}]}""");

            var result = CliResult.Run(TutorialArguments.RenderWith("--prefix-lists", lists, "-o", "json", "--prefix-list-entries", "pl-0c2e4a6b8d0f13579=" + entries));
            var withoutEntries = CliResult.Run(TutorialArguments.RenderWith("--prefix-lists", lists, "-o", "json"));

            Assert.That(result.Stderr, Is.Empty);
            AssertMatchesGolden(result.Stdout, "tutorial.json");
            Assert.That(withoutEntries.Stderr, Does.Contain("pl-0c2e4a6b8d0f13579").And.Contain("entries are unknown"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
