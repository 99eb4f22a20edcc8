using System.Globalization;
using System.Net;
using Amazon.EC2;
using Amazon.Runtime;

namespace SgLambda.Aws.Tests.Support;

/// <summary>
/// The real AWSSDK.EC2 client over a <see cref="StubHttpHandler"/>: each action answers with its fixture
/// (<c>Fixtures/Ec2/&lt;Action&gt;.xml</c>) or, without one, an empty result.
/// </summary>
public static class Ec2Stub
{
    public static StubHttpHandler FixtureHandler(params string[] actionsWithFixtures) =>
        new(request => actionsWithFixtures.Contains(request.Action)
            ? StubHttpHandler.Xml(Fixture.Read($"Ec2/{request.Action}.xml"))
            : Empty(request.Action));

    public static HttpResponseMessage Empty(string action) =>
        StubHttpHandler.Xml($"<{action}Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId><return>true</return></{action}Response>");

    public static HttpResponseMessage Error(string fixture) =>
        StubHttpHandler.Xml(Fixture.Read($"Ec2/{fixture}.xml"), HttpStatusCode.BadRequest);

    public static AmazonEC2Client Client(StubHttpHandler handler) =>
        new(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AmazonEC2Config
        {
            ServiceURL = "http://ec2.test/",
            AuthenticationRegion = "eu-west-1",
            HttpClientFactory = new StubHttpClientFactory(handler),
            MaxErrorRetry = 0,
        });

    /// <summary>The EC2 filters of a request (<c>Filter.N.Name</c>, <c>Filter.N.Value.M</c>), by name.</summary>
    public static IReadOnlyDictionary<string, string[]> Filters(RecordedRequest request)
    {
        var filters = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        for (var n = 1; request.Param($"Filter.{n.ToString(CultureInfo.InvariantCulture)}.Name") is { } name; n++)
        {
            var values = new List<string>();
            for (var m = 1; request.Param($"Filter.{n.ToString(CultureInfo.InvariantCulture)}.Value.{m.ToString(CultureInfo.InvariantCulture)}") is { } value; m++)
                values.Add(value);
            filters[name] = [.. values];
        }
        return filters;
    }
}
