using SgLambda.Emulators.Kubernetes;
using SgLambda.Emulators.Kubernetes.Calico;

namespace SgLambda.Emulators.Tests;

/// <summary>
/// The Calico CRDs the tests validate against: <c>SGLAMBDA_CALICO_CRDS</c>, else <c>../shared/calico-crds</c>
/// beside the repository. Missing CRDs fail the test (never a silent pass or skip).
/// </summary>
public static class CalicoCrdsFolder
{
    public static readonly string[] ApiVersions = ["projectcalico.org/v3", "crd.projectcalico.org/v1"];

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

    public static string For(string apiVersion) => CalicoCrds.DirectoryFor(Root, apiVersion);

    public static CrdSchemaValidator Validator(string apiVersion) => CrdSchemaValidator.ForDirectory(For(apiVersion));
}
