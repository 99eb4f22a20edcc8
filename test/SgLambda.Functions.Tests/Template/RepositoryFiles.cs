namespace SgLambda.Functions.Tests.Template;

/// <summary>The repository's own files (template.yaml, Makefile, infra/), not copies in the build output.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = SgLambda.TestSupport.RepositoryRoot.Path;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    public static string TemplateFixture(string fileName) => Read("test", "SgLambda.Functions.Tests", "Template", "Fixtures", fileName);
}
