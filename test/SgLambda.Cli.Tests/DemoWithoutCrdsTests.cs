using SgLambda.Emulators.Kubernetes.Calico;

namespace SgLambda.Cli.Tests;

/// <summary>A fresh clone has no Calico CRD folder beside it: the demo still tells the story, and says what it could not check.</summary>
[NonParallelizable]
public sealed class DemoWithoutCrdsTests
{
    [Test]
    public void Without_calico_crds_the_demo_runs_on_a_schema_less_stand_in_and_says_so()
    {
        var saved = Environment.GetEnvironmentVariable(CalicoCrds.EnvironmentVariable);
        Environment.SetEnvironmentVariable(CalicoCrds.EnvironmentVariable, Path.Combine(Path.GetTempPath(), $"no-crds-{Guid.NewGuid():N}"));
        try
        {
            var result = CliResult.Run("demo");

            Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr);
            Assert.That(result.Stdout, Does.Contain("Calico CRDs not found: objects are not schema-checked"));
            Assert.That(result.Stdout, Does.Contain("Every verdict is the tutorial's."));
        }
        finally
        {
            Environment.SetEnvironmentVariable(CalicoCrds.EnvironmentVariable, saved);
        }
    }
}
