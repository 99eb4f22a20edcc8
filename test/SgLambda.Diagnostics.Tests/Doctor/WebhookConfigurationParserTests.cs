using SgLambda.Diagnostics.Doctor;
using SgLambda.Core.Input;

namespace SgLambda.Diagnostics.Tests.Doctor;

public class WebhookConfigurationParserTests
{
    private static InputFile Fixture(string name) =>
        new(name, File.ReadAllText(Path.Combine(RepositoryRoot.Path, "test", "SgLambda.Diagnostics.Tests", "Doctor", "Fixtures", name)));

    [Test]
    public void The_sglambda_configuration_is_read_from_a_kubectl_list()
    {
        var configuration = WebhookConfigurationParser.Parse(Fixture("webhook-configuration.json"))!;
        var webhook = configuration.Webhooks.Single();
        Assert.That(webhook.Name, Is.EqualTo("pods.sglambda.io"));
        Assert.That(webhook.Url, Is.EqualTo("https://abc123.lambda-url.us-west-2.on.aws/0123456789abcdef0123456789abcdef"));
        Assert.That(webhook.FailurePolicy, Is.EqualTo("Fail"));
        Assert.That(webhook.Rules.Single().Operations, Is.EqualTo(new[] { "CREATE", "UPDATE" }));
    }

    [Test]
    public void A_file_without_it_means_it_is_absent()
    {
        Assert.That(WebhookConfigurationParser.Parse(new InputFile("empty.yaml", "apiVersion: v1\nkind: List\nitems: []\n")), Is.Null);
    }

    [Test]
    public void A_webhook_without_a_name_is_named_in_the_error()
    {
        var text = """{"kind":"MutatingWebhookConfiguration","metadata":{"name":"sglambda-pod-security-groups"},"webhooks":[{"clientConfig":{}}]}""";
        var error = Assert.Throws<InputException>(() => WebhookConfigurationParser.Parse(new InputFile("wh.json", text)));
        Assert.That(error.Message, Is.EqualTo("wh.json: $.webhooks[0].name: missing required field name"));
    }
}
