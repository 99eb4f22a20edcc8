using System.Buffers.Text;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.SecurityToken;
using Amazon.Util;

namespace SgLambda.Aws;

/// <summary>
/// Makes EKS bearer tokens from the caller's own AWS credentials, with no call to STS, as
/// <c>aws eks get-token</c> and aws-iam-authenticator do: a GET GetCallerIdentity URL for the regional STS
/// endpoint, presigned (SigV4, query form) with the cluster name in the signed <c>x-k8s-aws-id</c> header.
/// The API server's authenticator replays the URL to STS to learn who signed it. STS accepts it for 15
/// minutes after <c>X-Amz-Date</c> whatever <c>X-Amz-Expires</c> says (60, as the reference tools send);
/// tokens are cached and replaced a minute before that.
/// </summary>
public sealed class EksTokenGenerator : IDisposable
{
    public const string TokenPrefix = "k8s-aws-v1.";
    public const string ClusterIdHeader = "x-k8s-aws-id";
    public const string StsApiVersion = "2011-06-15";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);
    private const int PresignExpiresSeconds = 60;

    private readonly string _clusterName;
    private readonly string _region;
    private readonly AWSCredentials _credentials;
    private readonly TimeProvider _clock;
    private readonly AmazonSecurityTokenServiceConfig _stsConfig;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private EksToken? _cached;

    public EksTokenGenerator(string clusterName, string region, AWSCredentials credentials, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterName);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(credentials);
        _clusterName = clusterName;
        _region = region;
        _credentials = credentials;
        _clock = clock ?? TimeProvider.System;
        _stsConfig = new AmazonSecurityTokenServiceConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        StsEndpoint = new Uri($"https://sts.{region}.amazonaws.com/");
    }

    /// <summary>The regional STS endpoint the token's URL names.</summary>
    public Uri StsEndpoint { get; }

    /// <summary>The cached token while it has more than <see cref="RefreshMargin"/> left, else a new one.</summary>
    public async Task<EksToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh(_cached) is { } token) return token;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_cached) is { } again) return again;
            var identity = await _credentials.GetCredentialsAsync();
            _cached = CreateToken(identity, _clock.GetUtcNow());
            return _cached;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>A new token signed at <paramref name="signedAt"/> (pure: no clock, no cache, no I/O).</summary>
    public EksToken CreateToken(ImmutableCredentials identity, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var request = new DefaultRequest(new StsPresignRequest(), "SecurityTokenService")
        {
            HttpMethod = "GET",
            Endpoint = StsEndpoint,
            ResourcePath = "/",
        };
        request.Parameters["Action"] = "GetCallerIdentity";
        request.Parameters["Version"] = StsApiVersion;
        request.Parameters["X-Amz-Expires"] = PresignExpiresSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (identity.UseToken) request.Parameters["X-Amz-Security-Token"] = identity.Token;
        request.Headers[ClusterIdHeader] = _clusterName;

        var signature = AWS4PreSignedUrlSigner.SignRequest(
            request, _stsConfig, null, identity.AccessKey, identity.SecretKey, "sts", _region, signedAt.UtcDateTime);

        // The query in canonical (sorted) order, as the reference tools print it.
        var query = request.Parameters
            .Select(p => (p.Key, Value: AWSSDKUtils.UrlEncode(p.Value, false)))
            .Concat(signature.ForQueryParameters.Split('&').Select(pair => pair.Split('=', 2)).Select(kv => (Key: kv[0], Value: kv[1])))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => AWSSDKUtils.UrlEncode(p.Key, false) + "=" + p.Value);
        var url = StsEndpoint + "?" + string.Join('&', query);
        var token = TokenPrefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(url));
        return new EksToken(token, signedAt, signedAt + TokenLifetime);
    }

    public void Dispose() => _refresh.Dispose();

    private EksToken? Fresh(EksToken? token) =>
        token is not null && _clock.GetUtcNow() < token.ExpiresAt - RefreshMargin ? token : null;
}
