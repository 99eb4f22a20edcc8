using SgLambda.Emulators.Kubernetes.Calico;

namespace SgLambda.Emulators.Tests.Kubernetes.Calico;

public class CalicoCrdsTests
{
    private string _scratch = "";

    [SetUp]
    public void CreateScratchDirectory()
    {
        _scratch = Path.Combine(Path.GetTempPath(), "sglambda-crds-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_scratch);
    }

    [TearDown]
    public void RemoveScratchDirectory() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void Without_the_variable_or_the_sibling_folder_the_error_names_the_variable()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => CalicoCrds.Locate(null, _scratch));

        Assert.That(error.Message, Does.Contain("SGLAMBDA_CALICO_CRDS"));
    }

    [Test]
    public void A_repository_without_the_sibling_folder_is_named_in_the_error()
    {
        var repository = Directory.CreateDirectory(Path.Combine(_scratch, "repo", "test", "bin")).Parent!.Parent!.FullName;
        File.WriteAllText(Path.Combine(repository, "SgLambda.sln"), "");

        var error = Assert.Throws<DirectoryNotFoundException>(() => CalicoCrds.Locate("", Path.Combine(repository, "test", "bin")));

        Assert.That(error.Message, Does.Contain("SGLAMBDA_CALICO_CRDS").And.Contain(Path.Combine(_scratch, "shared", "calico-crds")));
    }

    [Test]
    public void The_sibling_folder_of_the_repository_is_found_by_walking_up()
    {
        var repository = Directory.CreateDirectory(Path.Combine(_scratch, "repo", "test", "bin")).Parent!.Parent!.FullName;
        File.WriteAllText(Path.Combine(repository, "SgLambda.sln"), "");
        var crds = Directory.CreateDirectory(Path.Combine(_scratch, "shared", "calico-crds")).FullName;

        Assert.That(CalicoCrds.Locate(null, Path.Combine(repository, "test", "bin")), Is.EqualTo(crds));
    }

    [Test]
    public void The_variable_wins_when_set()
    {
        Assert.That(CalicoCrds.Locate(_scratch, "/"), Is.EqualTo(Path.GetFullPath(_scratch)));
    }

    [Test]
    public void A_variable_naming_a_missing_folder_is_an_error_naming_the_variable()
    {
        var missing = Path.Combine(_scratch, "nope");

        var error = Assert.Throws<DirectoryNotFoundException>(() => CalicoCrds.Locate(missing, _scratch));

        Assert.That(error.Message, Does.Contain("SGLAMBDA_CALICO_CRDS").And.Contain(missing));
    }

    [TestCase("projectcalico.org/v3", "projectcalico.org-v3")]
    [TestCase("crd.projectcalico.org/v1", "crd.projectcalico.org-v1")]
    public void Each_API_group_has_its_folder(string apiVersion, string folder)
    {
        Assert.That(CalicoCrds.DirectoryFor("/crds", apiVersion), Is.EqualTo(Path.Combine("/crds", folder)));
    }

    [Test]
    public void The_tests_find_the_CRDs_of_both_API_groups()
    {
        Assert.That(CalicoCrdsFolder.ApiVersions.Select(CalicoCrdsFolder.For), Has.All.Matches<string>(Directory.Exists));
    }
}
