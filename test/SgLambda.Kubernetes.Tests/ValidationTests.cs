using System.Net;
using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes.ApiServer;
using static SgLambda.Kubernetes.Tests.Calico;

namespace SgLambda.Kubernetes.Tests;

/// <summary>An object the API server rejects (422) surfaces at once, naming the field.</summary>
public class ValidationTests : StoreTest
{
    /// <summary>Rejects negative tier orders, as Calico's validation does.</summary>
    private sealed class TierOrderValidator : IObjectValidator
    {
        public ObjectValidation Validate(ApiResource resource, JsonObject candidate, JsonObject? existing) =>
            candidate["spec"]?["order"]?.GetValue<double>() < 0
                ? new ObjectValidation(candidate, [new StatusCause("FieldValueInvalid", "Invalid value: -1: must be greater than or equal to 0", "spec.order")], [])
                : ObjectValidation.Valid(candidate);
    }

    private protected override KubernetesApiEmulatorOptions Options => base.Options with { Validator = new TierOrderValidator() };

    [Test]
    public async Task An_invalid_object_is_not_retried_and_the_error_names_the_field()
    {
        var store = Store(V3);
        var failure = await Assert.ThrowsAsync<KubernetesRequestException>(async () => await store.ApplyAsync(Tier(V3, "sg-local", -1), CancellationToken.None));
        Assert.That(failure!.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(failure.Reason, Is.EqualTo("Invalid"));
        Assert.That(failure.Causes.Select(cause => cause.Field), Is.EqualTo(new[] { "spec.order" }));
        Assert.That(failure.Message, Does.Contain("apply Tier/sg-local failed with 422 Invalid").And.Contain("field spec.order: Invalid value: -1"));
        Assert.That(Emulator.Requests.Count("patch", "tiers"), Is.EqualTo(1));
        Assert.That(Waits, Is.Empty);
    }
}
