namespace SgLambda.Aws.Tests.Support;

/// <summary>Reads a fixture file copied beside the test assembly.</summary>
public static class Fixture
{
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", relativePath));
}
