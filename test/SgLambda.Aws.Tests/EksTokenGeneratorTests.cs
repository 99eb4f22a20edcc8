using System.Buffers.Text;
using System.Text;
using System.Web;
using Amazon.Runtime;
using SgLambda.Aws.Tests.Support;

namespace SgLambda.Aws.Tests;

public class EksTokenGeneratorTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 7, 8, 9, 10, TimeSpan.Zero);

    private static Uri Decode(EksToken token)
    {
        Assert.That(token.Token, Does.StartWith("k8s-aws-v1."));
        var encoded = token.Token["k8s-aws-v1.".Length..];
        Assert.That(encoded, Does.Not.Contain("=").And.Not.Contain("+").And.Not.Contain("/"), "base64url without padding");
        return new Uri(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(encoded)));
    }

    private static Dictionary<string, string> Query(Uri url)
    {
        var query = HttpUtility.ParseQueryString(url.Query);
        return query.AllKeys.ToDictionary(k => k!, k => query[k]!, StringComparer.Ordinal);
    }

    [Test]
    public async Task The_token_is_a_presigned_regional_sts_GetCallerIdentity_url()
    {
        using var generator = new EksTokenGenerator("prod-cluster", "eu-central-1", new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new ManualClock(Start));

        var url = Decode(await generator.GetTokenAsync());
        var query = Query(url);

        Assert.That(url.GetLeftPart(UriPartial.Path), Is.EqualTo("https://sts.eu-central-1.amazonaws.com/"));
        Assert.That(query["Action"], Is.EqualTo("GetCallerIdentity"));
        Assert.That(query["Version"], Is.EqualTo("2011-06-15"));
        Assert.That(query["X-Amz-Expires"], Is.EqualTo("60"));
        Assert.That(query["X-Amz-Algorithm"], Is.EqualTo("AWS4-HMAC-SHA256"));
        Assert.That(query["X-Amz-Credential"], Is.EqualTo("AKIDEXAMPLE/20250607/eu-central-1/sts/aws4_request"));
        Assert.That(query["X-Amz-Date"], Is.EqualTo("20250607T080910Z"));
        Assert.That(query["X-Amz-SignedHeaders"], Is.EqualTo("host;x-k8s-aws-id"));
        Assert.That(query["X-Amz-Signature"], Does.Match("^[0-9a-f]{64}$"));
        Assert.That(query.Keys, Is.EquivalentTo(new[]
        {
            "Action", "Version", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature",
        }), "only parameters aws-iam-authenticator accepts");
    }

    [Test]
    public void The_signature_verifies_with_the_cluster_name_as_a_signed_header()
    {
        using var generator = new EksTokenGenerator("prod-cluster", "us-west-2", new BasicAWSCredentials("AKIDEXAMPLE", "secret"));

        var token = generator.CreateToken(new ImmutableCredentials("AKIDEXAMPLE", "secret", null), Start);
        var url = Decode(token);
        var query = Query(url);

        var canonical = SigV4.CanonicalRequest(
            "GET", "/", query.Where(p => p.Key != "X-Amz-Signature"), ["host", "x-k8s-aws-id"],
            h => h == "host" ? "sts.us-west-2.amazonaws.com" : "prod-cluster", SigV4.EmptyBodySha256);
        Assert.That(query["X-Amz-Signature"], Is.EqualTo(SigV4.Signature("secret", "20250607T080910Z", "us-west-2", "sts", canonical)));

        var otherCluster = SigV4.CanonicalRequest(
            "GET", "/", query.Where(p => p.Key != "X-Amz-Signature"), ["host", "x-k8s-aws-id"],
            h => h == "host" ? "sts.us-west-2.amazonaws.com" : "other-cluster", SigV4.EmptyBodySha256);
        Assert.That(query["X-Amz-Signature"], Is.Not.EqualTo(SigV4.Signature("secret", "20250607T080910Z", "us-west-2", "sts", otherCluster)));
    }

    [Test]
    public void Session_credentials_put_the_security_token_in_the_signed_query()
    {
        using var generator = new EksTokenGenerator("c", "us-east-1", new BasicAWSCredentials("a", "b"));

        var token = generator.CreateToken(new ImmutableCredentials("ASIAEXAMPLE", "secret", "IQoJb3JpZ2luX2VjE/+="), Start);
        var query = Query(Decode(token));

        Assert.That(query["X-Amz-Security-Token"], Is.EqualTo("IQoJb3JpZ2luX2VjE/+="));
        var canonical = SigV4.CanonicalRequest(
            "GET", "/", query.Where(p => p.Key != "X-Amz-Signature"), ["host", "x-k8s-aws-id"],
            h => h == "host" ? "sts.us-east-1.amazonaws.com" : "c", SigV4.EmptyBodySha256);
        Assert.That(query["X-Amz-Signature"], Is.EqualTo(SigV4.Signature("secret", "20250607T080910Z", "us-east-1", "sts", canonical)));
    }

    [Test]
    public void A_token_expires_15_minutes_after_it_was_signed()
    {
        using var generator = new EksTokenGenerator("c", "us-east-1", new BasicAWSCredentials("a", "b"));

        var token = generator.CreateToken(new ImmutableCredentials("a", "b", null), Start);

        Assert.That(token.SignedAt, Is.EqualTo(Start));
        Assert.That(token.ExpiresAt, Is.EqualTo(Start.AddMinutes(15)));
        Assert.That(token.ToString(), Does.Not.Contain(token.Token), "the token stays out of logs");
    }

    [Test]
    public async Task The_token_is_cached_until_a_minute_before_it_expires_then_replaced()
    {
        var clock = new ManualClock(Start);
        var credentials = new CountingCredentials("AKIDEXAMPLE", "secret");
        using var generator = new EksTokenGenerator("c", "us-east-1", credentials, clock);

        var first = await generator.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(13) + TimeSpan.FromSeconds(59));
        var cached = await generator.GetTokenAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        var refreshed = await generator.GetTokenAsync();

        Assert.That(cached.Token, Is.EqualTo(first.Token));
        Assert.That(refreshed.Token, Is.Not.EqualTo(first.Token));
        Assert.That(refreshed.SignedAt, Is.EqualTo(Start.AddMinutes(14)));
        Assert.That(Query(Decode(refreshed))["X-Amz-Date"], Is.EqualTo("20250607T082310Z"));
        Assert.That(credentials.Reads, Is.EqualTo(2), "credentials are read only to sign a new token");
    }

    [Test]
    public async Task Concurrent_callers_share_one_new_token()
    {
        var credentials = new CountingCredentials("AKIDEXAMPLE", "secret");
        using var generator = new EksTokenGenerator("c", "us-east-1", credentials, new ManualClock(Start));

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => generator.GetTokenAsync())));

        Assert.That(tokens.Select(t => t.Token).Distinct().Count(), Is.EqualTo(1));
        Assert.That(credentials.Reads, Is.EqualTo(1));
    }
}
