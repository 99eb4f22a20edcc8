using SgLambda.Emulators.Kubernetes.Calico;

namespace SgLambda.Functions.Tests.Kubernetes;

/// <summary>The Calico CRDs the emulator serves (<c>SGLAMBDA_CALICO_CRDS</c>, else beside the repository); missing CRDs fail, never skip.</summary>
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
