using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SgLambda.Aws.Tests.Support;

/// <summary>
/// An independent SigV4 check (AWS's documented algorithm, written out here rather than taken from
/// AWSSDK.Core), so the tests see that what the product signs with the SDK's signer verifies.
/// </summary>
public static class SigV4
{
    public const string EmptyBodySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The signature a server computes for a canonical request.</summary>
    public static string Signature(string secretKey, string amzDate, string region, string service, string canonicalRequest)
    {
        var date = amzDate[..8];
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    public static string CanonicalRequest(
        string method, string path, IEnumerable<KeyValuePair<string, string>> query,
        IReadOnlyList<string> signedHeaders, Func<string, string> headerValue, string payloadHash)
    {
        var canonicalQuery = string.Join('&', query
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
        var headers = string.Concat(signedHeaders.Select(h => h + ":" + headerValue(h).Trim() + "\n"));
        return $"{method}\n{path}\n{canonicalQuery}\n{headers}\n{string.Join(';', signedHeaders)}\n{payloadHash}";
    }

    public static string Sha256Hex(string text) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>RFC 3986: unreserved characters stay, everything else is %XX (upper case).</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') builder.Append(c);
            else builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
