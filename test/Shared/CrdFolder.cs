using SgLambda.Emulators.Kubernetes.Calico;

namespace SgLambda.TestSupport;

/// <summary>
/// The Calico CRDs the schema tests and the Kubernetes API emulator use: <c>SGLAMBDA_CALICO_CRDS</c> (e.g. the
/// <c>kubectl get crd -o yaml</c> of your own cluster, split per API group), else <c>../shared/calico-crds</c> beside
/// the repository. Without either, a test that needs them is skipped with a message saying how to provide them, so
/// a lone clone passes; in CI (<c>CI=true</c>) it fails instead: CI runs every schema test. Linked into each test
/// project that needs it (one lookup for all of them).
/// </summary>
internal static class CrdFolder
{
    /// <summary>The variable CI systems set (GitHub Actions, GitLab, .ci/run): <c>true</c> there.</summary>
    public const string CiVariable = "CI";

    /// <summary>Whether this run is CI, where missing CRDs fail rather than skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable(CiVariable), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>calico-crds</c> folder; skips (or, in CI, fails) the calling test when there is none.</summary>
    public static string Root
    {
        get
        {
            try
            {
                return CalicoCrds.Locate(Environment.GetEnvironmentVariable(CalicoCrds.EnvironmentVariable), TestContext.CurrentContext.TestDirectory);
            }
            catch (DirectoryNotFoundException missing)
            {
                if (InCi) Assert.Fail($"{missing.Message} CI ({CiVariable}=true) runs every test that needs Calico's CRDs.");
                Assert.Ignore($"Needs Calico's CRDs: {missing.Message} (kubectl get crd -o yaml of a cluster with Calico works too.)");
                throw;
            }
        }
    }

    /// <summary>The folder of one API group's CRDs (<c>projectcalico.org/v3</c>: <c>projectcalico.org-v3/</c>).</summary>
    public static string For(string apiVersion) => CalicoCrds.DirectoryFor(Root, apiVersion);
}
