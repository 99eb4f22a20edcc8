using System.Net;
using static SgLambda.Emulators.Tests.Kubernetes.ApiServer.CalicoJson;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>The emulator's default validation: Calico's CRD schemas and its semantic checks, in both API groups.</summary>
public class CalicoValidationTests : EmulatorTest
{
    private static string PolicyWith(string apiVersion, string rule, string extraSpec = "") =>
        $$$"""{"apiVersion":"{{{apiVersion}}}","kind":"GlobalNetworkPolicy","metadata":{"name":"p"},"spec":{"tier":"default","order":1,"selector":"all()","types":["Ingress"],"ingress":[{{{rule}}}]{{{extraSpec}}}}}""";

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task A_schema_violation_is_422_naming_the_field(string apiVersion)
    {
        var invalid = await Client.PostAsync(Path(apiVersion, "globalnetworkpolicies"), PolicyWith(apiVersion, """{"action":"Accept"}"""));
        Assert.That(invalid.Code, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(invalid.Text("reason"), Is.EqualTo("Invalid"));
        var cause = invalid.Body["details"]!["causes"]![0]!;
        Assert.That(cause["field"]!.GetValue<string>(), Is.EqualTo("spec.ingress[0].action"));
        Assert.That(cause["reason"]!.GetValue<string>(), Is.EqualTo("FieldValueNotSupported"));
        Assert.That(cause["message"]!.GetValue<string>(), Is.EqualTo("Unsupported value: \"Accept\": supported values: \"Allow\", \"Deny\", \"Log\", \"Pass\""));
        Assert.That(invalid.Text("message"), Does.StartWith($"GlobalNetworkPolicy.{apiVersion.Split('/')[0]} \"p\" is invalid: "));
        Assert.That(Emulator.Get(apiVersion, "GlobalNetworkPolicy", null, "p"), Is.Null);
    }

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task Calicos_own_checks_apply_too(string apiVersion)
    {
        var invalid = await Client.ApplyAsync(Path(apiVersion, "globalnetworkpolicies", "p"),
            PolicyWith(apiVersion, """{"action":"Pass","protocol":"TCP","destination":{"ports":[0]}}"""), "sglambda", force: true);
        Assert.That(invalid.Code, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(invalid.Body["details"]!["causes"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("spec.ingress[0].destination.ports[0]"));
        Assert.That(invalid.Body["details"]!["causes"]![0]!["message"]!.GetValue<string>(),
            Is.EqualTo("Invalid value: 0: port range invalid, port number must be between 1 and 65535"));
        Assert.That(Emulator.Get(apiVersion, "GlobalNetworkPolicy", null, "p"), Is.Null);
    }

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task Undeclared_fields_are_pruned_with_a_warning_or_refused_when_strict(string apiVersion)
    {
        var body = PolicyWith(apiVersion, """{"action":"Pass"}""", extraSpec: ""","bogus":1""");
        var strict = await Client.PostAsync(Path(apiVersion, "globalnetworkpolicies") + "?fieldValidation=Strict", body);
        Assert.That(strict.Code, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(strict.Text("message"), Is.EqualTo("strict decoding error: unknown field \"spec.bogus\""));

        var warned = await Client.PostAsync(Path(apiVersion, "globalnetworkpolicies"), body);
        Assert.That(warned.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(warned.Headers.GetValues("Warning"), Is.EqualTo(new[] { "299 - \"unknown field \\\"spec.bogus\\\"\"" }));
        Assert.That(Emulator.Get(apiVersion, "GlobalNetworkPolicy", null, "p")!["spec"]!["bogus"], Is.Null);
    }

    [Test]
    public async Task CRD_defaults_are_stored()
    {
        var created = await Client.PostAsync(Path(V1, "tiers"), $$$"""{"apiVersion":"{{{V1}}}","kind":"Tier","metadata":{"name":"sg-local"},"spec":{"order":106}}""");
        Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Text("spec.defaultAction"), Is.EqualTo("Deny"));
    }
}
