using SgLambda.Functions.Lambda;

namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>The handler string (<c>_HANDLER</c>) picks the function, in the managed runtime's form or by short name.</summary>
public sealed class LambdaHandlersTests
{
    [TestCase("SgLambda.Functions::SgLambda.Functions.ChangeHandler::HandleAsync", typeof(ChangeHandler))]
    [TestCase("ChangeHandler", typeof(ChangeHandler))]
    [TestCase(" SgLambda.Functions.ChangeHandler ", typeof(ChangeHandler))]
    [TestCase("SgLambda.Functions::SgLambda.Functions.Reconciler::HandleAsync", typeof(Reconciler))]
    [TestCase("Reconciler", typeof(Reconciler))]
    [TestCase("SgLambda.Functions::SgLambda.Functions.AdmissionWebhook::HandleAsync", typeof(AdmissionWebhook))]
    [TestCase("AdmissionWebhook", typeof(AdmissionWebhook))]
    public void A_handler_string_builds_its_function(string handler, Type function)
    {
        using var tutorial = new TutorialFunction();
        var composition = tutorial.Composition with
        {
            Namespaces = new Admission.FakeNamespaces(),
            Environment = name => name == EnvironmentVariables.WebhookSecret ? Admission.WebhookRequests.Secret : null,
        };

        var created = LambdaHandlers.Create(handler, () => composition);

        Assert.That(created.Target, Is.InstanceOf(function));
        Assert.That(created.Method.Name, Is.EqualTo("InvokeAsync"));
    }

    [TestCase(null, "_HANDLER: required: one of SgLambda.Functions::SgLambda.Functions.ChangeHandler::HandleAsync, SgLambda.Functions::SgLambda.Functions.Reconciler::HandleAsync, SgLambda.Functions::SgLambda.Functions.AdmissionWebhook::HandleAsync")]
    [TestCase("bootstrap", "_HANDLER: unknown handler 'bootstrap': expected one of SgLambda.Functions::SgLambda.Functions.ChangeHandler::HandleAsync, SgLambda.Functions::SgLambda.Functions.Reconciler::HandleAsync, SgLambda.Functions::SgLambda.Functions.AdmissionWebhook::HandleAsync (or the type's short name)")]
    [TestCase("SgLambda.Functions::SgLambda.Functions.ChangeHandler::Handle", "_HANDLER: unknown handler 'SgLambda.Functions::SgLambda.Functions.ChangeHandler::Handle': expected one of")]
    [TestCase("Other::SgLambda.Functions.ChangeHandler::HandleAsync", "_HANDLER: unknown handler 'Other::SgLambda.Functions.ChangeHandler::HandleAsync'")]
    [TestCase("changehandler", "_HANDLER: unknown handler 'changehandler'")]
    public void A_bad_handler_string_is_a_configuration_error_before_anything_is_composed(string? handler, string message)
    {
        var composed = false;

        var error = Assert.Throws<ConfigurationException>(() => LambdaHandlers.Create(handler, () =>
        {
            composed = true;
            throw new InvalidOperationException("composed");
        }));

        Assert.That(error!.Message, Does.StartWith(message));
        Assert.That(composed, Is.False);
    }

    [Test]
    public void The_webhook_reads_and_checks_its_secret_when_it_is_built()
    {
        using var tutorial = new TutorialFunction();
        var composition = tutorial.Composition with
        {
            Namespaces = new Admission.FakeNamespaces(),
            Environment = name => name == EnvironmentVariables.WebhookSecret ? "too-short" : null,
        };

        var error = Assert.Throws<ConfigurationException>(() => LambdaHandlers.Create("AdmissionWebhook", () => composition));

        Assert.That(error!.Variable, Is.EqualTo(EnvironmentVariables.WebhookSecret));
    }

    [Test]
    public void The_webhook_needs_the_cluster_which_offline_mode_does_not_have()
    {
        using var tutorial = new TutorialFunction();
        var composition = tutorial.Composition with { Environment = name => name == EnvironmentVariables.WebhookSecret ? Admission.WebhookRequests.Secret : null };

        var error = Assert.Throws<ConfigurationException>(() => LambdaHandlers.Create("AdmissionWebhook", () => composition));

        Assert.That(error!.Message, Does.Contain("offline mode has no cluster"));
    }
}
