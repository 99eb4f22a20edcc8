using SgLambda.Emulators.Kubernetes.Calico;

namespace SgLambda.EndToEnd.Tests;

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
            try
            {
                return CalicoCrds.Locate(Environment.GetEnvironmentVariable(CalicoCrds.EnvironmentVariable), TestContext.CurrentContext.TestDirectory);
            }
            catch (DirectoryNotFoundException missing)
            {
                Assert.Fail(missing.Message);
                throw;
            }
        }
    }
}
