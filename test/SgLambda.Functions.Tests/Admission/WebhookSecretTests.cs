using FsCheck;
using FsCheck.Fluent;
using SgLambda.Functions.Webhook;

namespace SgLambda.Functions.Tests.Admission;

/// <summary>The webhook secret: validated at cold start with a message naming the variable, compared in constant time.</summary>
public sealed class WebhookSecretTests
{
    private const string Secret = WebhookRequests.Secret;

    [Test]
    public void The_secret_matches_itself_and_nothing_shorter_or_longer()
    {
        var secret = WebhookSecret.FromValue(EnvironmentVariables.WebhookSecret, Secret);

        Assert.That(secret.Matches(Secret), Is.True);
        Assert.That(secret.Matches(Secret[..^1]), Is.False);
        Assert.That(secret.Matches(Secret + "0"), Is.False);
        Assert.That(secret.Matches(""), Is.False);
        Assert.That(secret.Matches(null), Is.False);
    }

    [FsCheck.NUnit.Property]
    public Property A_string_matches_exactly_when_it_is_the_secret()
    {
        var secret = WebhookSecret.FromValue(EnvironmentVariables.WebhookSecret, Secret);
        // Near misses too: the secret with a generated suffix or prefix cut off.
        var candidates = ArbMap.Default.ArbFor<NonNull<string>>().Generator.Select(s => s.Get)
            .Or(Gen.Choose(0, Secret.Length).Select(n => Secret[..n]))
            .Or(ArbMap.Default.ArbFor<NonNull<string>>().Generator.Select(s => Secret + s.Get));
        return Prop.ForAll(candidates.ToArbitrary(), candidate =>
            secret.Matches(candidate) == string.Equals(candidate, Secret, StringComparison.Ordinal));
    }

    [TestCase("", 0)]
    [TestCase("short-secret", 12)]
    [TestCase("0123456789abcdef0123456789abcde", 31)]
    public void A_short_secret_is_a_configuration_error_naming_the_variable(string value, int length)
    {
        var error = Assert.Throws<ConfigurationException>(() => WebhookSecret.FromValue(EnvironmentVariables.WebhookSecret, value));

        Assert.That(error!.Message, Is.EqualTo(
            $"SGLAMBDA_WEBHOOK_SECRET: the webhook secret must be at least 32 characters, got {length} (make one with: openssl rand -hex 32)"));
    }

    [TestCase("0123456789abcdef0123456789abcdef/x")]
    [TestCase("0123456789abcdef0123456789abcdef?x=1")]
    [TestCase("0123456789abcdef 0123456789abcdef")]
    [TestCase("0123456789abcdef0123456789abcdéf0")]
    public void A_secret_the_url_path_would_change_is_refused(string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => WebhookSecret.FromValue(EnvironmentVariables.WebhookSecret, value));

        Assert.That(error!.Message, Does.StartWith("SGLAMBDA_WEBHOOK_SECRET: the webhook secret travels as the URL path"));
    }

    [Test]
    public void The_secret_comes_from_the_variable()
    {
        var secret = WebhookSecretReader.Read(Environment(EnvironmentVariables.WebhookSecret, Secret), "us-west-2",
            _ => throw new AssertionException("no SSM read"));

        Assert.That(secret.Matches(Secret), Is.True);
    }

    [Test]
    public void The_secret_comes_from_the_ssm_parameter_read_once_with_decryption()
    {
        var asked = new List<string>();

        var secret = WebhookSecretReader.Read(Environment(EnvironmentVariables.WebhookSecretSsmParameter, "/sglambda/webhook-secret"), "us-west-2",
            name => { asked.Add(name); return Secret; });

        Assert.That(secret.Matches(Secret), Is.True);
        Assert.That(asked, Is.EqualTo(new[] { "/sglambda/webhook-secret" }));
    }

    [Test]
    public void A_short_parameter_value_names_the_variable_and_the_parameter()
    {
        var error = Assert.Throws<ConfigurationException>(() => WebhookSecretReader.Read(
            Environment(EnvironmentVariables.WebhookSecretSsmParameter, "/sglambda/webhook-secret"), "us-west-2", _ => "changeme"));

        Assert.That(error!.Message, Does.StartWith(
            "SGLAMBDA_WEBHOOK_SECRET_SSM_PARAMETER: parameter /sglambda/webhook-secret: the webhook secret must be at least 32 characters, got 8"));
    }

    [Test]
    public void Without_either_variable_the_secret_is_a_configuration_error()
    {
        var error = Assert.Throws<ConfigurationException>(() => WebhookSecretReader.Read(_ => null, "us-west-2"));

        Assert.That(error!.Message, Is.EqualTo(
            "SGLAMBDA_WEBHOOK_SECRET_SSM_PARAMETER: required by the admission webhook: the name of the SSM SecureString parameter holding its secret (or set SGLAMBDA_WEBHOOK_SECRET)"));
    }

    [Test]
    public void Both_variables_are_ambiguous()
    {
        string? Both(string name) => name switch
        {
            EnvironmentVariables.WebhookSecret => Secret,
            EnvironmentVariables.WebhookSecretSsmParameter => "/sglambda/webhook-secret",
            _ => null,
        };

        var error = Assert.Throws<ConfigurationException>(() => WebhookSecretReader.Read(Both, "us-west-2"));

        Assert.That(error!.Message, Is.EqualTo("SGLAMBDA_WEBHOOK_SECRET: set either it or SGLAMBDA_WEBHOOK_SECRET_SSM_PARAMETER, not both"));
    }

    private static Func<string, string?> Environment(string name, string value) => n => n == name ? value : null;
}
