namespace SgLambda.Functions.Tests.Build;

/// <summary>The lookup refuses what the managed runtime refuses: here on handlers of this test assembly.</summary>
public sealed class ManagedRuntimeHandlerLookupTests
{
    private const string Assembly = "SgLambda.Functions.Tests";
    private static string Artifacts => TestContext.CurrentContext.TestDirectory;

    [Test]
    public void Two_methods_of_the_handler_name_are_MethodHasOverloads_as_the_function_classes_had()
    {
        var problems = ManagedRuntimeHandlerLookup.Problems(Artifacts, $"{Assembly}::{typeof(OverloadedHandler).FullName}::HandleAsync");

        Assert.That(problems, Has.One.Contains("MethodHasOverloads"));
    }

    [Test]
    public void One_stream_handler_with_a_parameterless_constructor_loads()
    {
        Assert.That(ManagedRuntimeHandlerLookup.Problems(Artifacts, $"{Assembly}::{typeof(StreamHandler).FullName}::HandleAsync"), Is.Empty);
    }

    [TestCase("SgLambda.Functions.Tests::SgLambda.Functions.Tests.Build.Missing::HandleAsync", "UnableToLoadType")]
    [TestCase("SgLambda.Functions.Tests::SgLambda.Functions.Tests.Build.StreamHandler::Handle", "NoMatchingMethod")]
    [TestCase("Nope::SgLambda.Functions.Tests.Build.StreamHandler::HandleAsync", "CouldNotFindHandlerAssembly")]
    [TestCase("SgLambda.Functions.Tests.Build.StreamHandler::HandleAsync", "InvalidHandlerString")]
    public void Other_handler_strings_fail_as_the_runtime_reports_them(string handler, string error)
    {
        Assert.That(ManagedRuntimeHandlerLookup.Problems(Artifacts, handler), Has.One.Contains(error));
    }

    [Test]
    public void A_second_parameter_that_is_not_the_Lambda_context_is_refused()
    {
        Assert.That(ManagedRuntimeHandlerLookup.Problems(Artifacts, $"{Assembly}::{typeof(ContextHandler).FullName}::HandleAsync"), Has.One.Contains("Amazon.Lambda.Core.ILambdaContext"));
    }
}
