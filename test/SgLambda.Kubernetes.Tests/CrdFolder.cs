namespace SgLambda.Kubernetes.Tests;

/// <summary>
/// The Calico CRDs the emulator serves: <c>SGLAMBDA_CALICO_CRDS</c>, else <c>../shared/calico-crds</c> beside
/// the repository. Missing CRDs fail the test, never skip it.
/// </summary>
internal static class CrdFolder
{
    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("SGLAMBDA_CALICO_CRDS");
            if (!string.IsNullOrWhiteSpace(configured)) return configured;
            for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            {
                if (!File.Exists(Path.Combine(directory.FullName, "SgLambda.sln"))) continue;
                var sibling = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "calico-crds"));
                if (Directory.Exists(sibling)) return sibling;
            }
            Assert.Fail("Calico CRDs not found: set SGLAMBDA_CALICO_CRDS to the calico-crds folder");
            return "";
        }
    }
}
