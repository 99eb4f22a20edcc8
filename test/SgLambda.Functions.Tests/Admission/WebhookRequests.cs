using System.Text;
using System.Text.Json.Nodes;
using SgLambda.TestSupport.Admission;
using SgLambda.Functions.Tests.Bootstrap;

namespace SgLambda.Functions.Tests.Admission;

/// <summary>
/// Function URL requests as Lambda delivers them (Fixtures/function-url-request.json, payload format 2.0) carrying
/// the core's AdmissionReview fixtures (test/SgLambda.Core.Tests/Admission/Fixtures) as the API server posts them.
/// </summary>
internal static class WebhookRequests
{
    /// <summary>The secret of the fixture's path (64 hex digits, as <c>openssl rand -hex 32</c> makes).</summary>
    public const string Secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static string FixturesDirectory { get; } = Path.Combine(RepositoryFiles.Root, "test", "SgLambda.Functions.Tests", "Admission", "Fixtures");

    /// <summary>An AdmissionReview fixture of the core's tests, as text.</summary>
    public static string Review(string fileName) => AdmissionFixtures.Text(fileName);

    /// <summary>The review fixture with its request's namespace (and the pod's) changed.</summary>
    public static string Review(string fileName, string objectNamespace)
    {
        var review = JsonNode.Parse(Review(fileName))!;
        review["request"]!["namespace"] = objectNamespace;
        if (review["request"]!["object"]?["metadata"] is JsonObject metadata) metadata["namespace"] = objectNamespace;
        return review.ToJsonString();
    }

    /// <summary>The fixture request with <paramref name="body"/>; <paramref name="path"/> and <paramref name="method"/> as given.</summary>
    public static JsonObject Request(string body, string path = "/" + Secret, string method = "POST", bool base64 = false)
    {
        var request = JsonNode.Parse(File.ReadAllText(Path.Combine(FixturesDirectory, "function-url-request.json")))!.AsObject();
        request["rawPath"] = path;
        request["requestContext"]!["http"]!["path"] = path;
        request["requestContext"]!["http"]!["method"] = method;
        request["body"] = base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) : body;
        request["isBase64Encoded"] = base64;
        request["headers"]!["content-length"] = Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return request;
    }
}
