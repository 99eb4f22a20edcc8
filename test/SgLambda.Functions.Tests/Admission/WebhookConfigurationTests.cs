using System.Text.RegularExpressions;
using SgLambda.Core.Configuration;
using SgLambda.Functions.Tests.Template;
using YamlDotNet.RepresentationModel;

namespace SgLambda.Functions.Tests.Admission;

/// <summary>
/// infra/cluster/webhook.yaml: the MutatingWebhookConfiguration the function answers, and the URL its documented
/// envsubst makes from the SAM output and the secret, checked as the API server validates webhook URLs.
/// </summary>
public sealed partial class WebhookConfigurationTests
{
    private const string FunctionUrl = "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-west-2.on.aws/";

    private static string Text => RepositoryFiles.Read("infra", "cluster", "webhook.yaml");

    private static YamlMappingNode Webhook()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Text));
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        Assert.That(Scalar(root, "apiVersion"), Is.EqualTo("admissionregistration.k8s.io/v1"));
        Assert.That(Scalar(root, "kind"), Is.EqualTo("MutatingWebhookConfiguration"));
        return (YamlMappingNode)((YamlSequenceNode)root["webhooks"]).Children.Single();
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static List<string> Strings(YamlNode node) => [.. ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!)];

    [Test]
    public void Pods_are_sent_on_create_and_update_as_admission_review_v1()
    {
        var webhook = Webhook();
        var rule = (YamlMappingNode)((YamlSequenceNode)webhook["rules"]).Children.Single();

        Assert.That(Strings(webhook["admissionReviewVersions"]), Is.EqualTo(new[] { "v1" }));
        Assert.That(Scalar(webhook, "sideEffects"), Is.EqualTo("None"));
        Assert.That(Scalar(webhook, "timeoutSeconds"), Is.EqualTo("10"));
        Assert.That(Scalar(webhook, "reinvocationPolicy"), Is.EqualTo("IfNeeded"));
        // Fail open: an unreachable or flooded function URL must not stop pod creation; pod-labels-policy.yaml
        // (inside the API server) keeps hand-set SG labels out, and the tiers deny an unlabelled pod.
        Assert.That(Scalar(webhook, "failurePolicy"), Is.EqualTo("Ignore"));
        Assert.That(Strings(rule["apiGroups"]), Is.EqualTo(new[] { "" }));
        Assert.That(Strings(rule["operations"]), Is.EqualTo(new[] { "CREATE", "UPDATE" }));
        Assert.That(Strings(rule["resources"]), Is.EqualTo(new[] { "pods" }));
    }

    [Test]
    public void The_default_exempt_namespaces_and_namespaces_that_opt_out_are_excluded()
    {
        var expressions = ((YamlSequenceNode)((YamlMappingNode)Webhook()["namespaceSelector"])["matchExpressions"]).Children.Cast<YamlMappingNode>()
            .Select(e => (Scalar(e, "key"), Scalar(e, "operator"), string.Join(",", Strings(e["values"])))).ToList();

        // Calico installed by the Tigera operator (the usual way on EKS) runs in calico-system,
        // calico-apiserver and tigera-operator: a new node gets no calico-node while the webhook is down
        // unless they are excluded. The translation treats exactly these namespaces as exempt.
        Assert.That(expressions, Is.EquivalentTo(new[]
        {
            ("kubernetes.io/metadata.name", "NotIn", string.Join(",", SgLambdaConfig.DefaultExemptNamespaces)),
            ("sglambda.io/webhook", "NotIn", "disabled"),
        }));
        Assert.That(SgLambdaConfig.DefaultExemptNamespaces, Is.SupersetOf(new[] { "kube-system", "calico-system", "calico-apiserver", "tigera-operator" }));
    }

    [Test]
    public void The_documented_envsubst_makes_a_url_kubernetes_accepts_with_the_secret_as_its_path()
    {
        var url = ((YamlScalarNode)((YamlMappingNode)Webhook()["clientConfig"])["url"]).Value!;
        Assert.That(Text, Does.Contain("envsubst '${WEBHOOK_URL} ${WEBHOOK_SECRET}'"));

        var filled = Placeholder().Replace(url, m => m.Groups[1].Value == "WEBHOOK_URL" ? FunctionUrl : WebhookRequests.Secret);

        // The API server requires https and refuses user info, a query and a fragment in a webhook URL.
        var parsed = new Uri(filled);
        Assert.That(parsed.Scheme, Is.EqualTo("https"));
        Assert.That(parsed.UserInfo, Is.Empty);
        Assert.That(parsed.Query, Is.Empty);
        Assert.That(parsed.Fragment, Is.Empty);
        Assert.That(parsed.AbsolutePath, Is.EqualTo("/" + WebhookRequests.Secret));
        Assert.That(Placeholder().Matches(url).Select(m => m.Groups[1].Value), Is.EqualTo(new[] { "WEBHOOK_URL", "WEBHOOK_SECRET" }));
    }

    [GeneratedRegex(@"\$\{([A-Z_]+)\}")]
    private static partial Regex Placeholder();
}
