using System.Net;
using SgLambda.Core.Calico;
using static SgLambda.Kubernetes.Tests.Calico;

namespace SgLambda.Kubernetes.Tests;

/// <summary>An object the API server rejects (422, here from Calico's own checks) surfaces at once, naming the field.</summary>
public class ValidationTests : StoreTest
{
    private static GlobalNetworkPolicy PortZero(string apiGroup) => new()
    {
        ApiVersion = apiGroup,
        Metadata = new ObjectMeta { Name = "sg-local.sg-0a1", Labels = Owned },
        Spec = new PolicySpec
        {
            Tier = "sg-local",
            Order = 10,
            Selector = "all()",
            Types = ["Ingress"],
            Ingress = [new Rule { Action = "Pass", Protocol = "TCP", Destination = new EntityRule { Ports = [0] } }],
        },
    };

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task An_invalid_object_is_not_retried_and_the_error_names_the_field(string apiGroup)
    {
        var store = Store(apiGroup);
        await store.ApplyAsync(Tier(apiGroup, "sg-local", 106), CancellationToken.None);
        var failure = await Assert.ThrowsAsync<KubernetesRequestException>(async () => await store.ApplyAsync(PortZero(apiGroup), CancellationToken.None));
        Assert.That(failure!.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(failure.Reason, Is.EqualTo("Invalid"));
        Assert.That(failure.Causes.Select(cause => cause.Field), Is.EqualTo(new[] { "spec.ingress[0].destination.ports[0]" }));
        Assert.That(failure.Message, Does.StartWith("apply GlobalNetworkPolicy/sg-local.sg-0a1 failed with 422 Invalid: ")
            .And.Contain("field spec.ingress[0].destination.ports[0]: Invalid value: 0: port range invalid"));
        Assert.That(Emulator.Requests.Count("patch", "globalnetworkpolicies"), Is.EqualTo(1));
        Assert.That(Waits, Is.Empty);
    }
}
