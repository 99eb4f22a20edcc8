using System.Net;
using Amazon.Runtime;
using SgLambda.Aws.Rds;
using SgLambda.Aws.Tests.Support;

namespace SgLambda.Aws.Tests.Rds;

public class RdsQueryClientTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static RdsQueryClient Client(StubHttpHandler handler, AWSCredentials? credentials = null, int maxErrorRetry = 3) =>
        new(credentials ?? new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), new RdsQueryClientOptions
        {
            Region = "eu-west-1",
            ServiceUrl = "http://rds.test:8080/",
            MaxErrorRetry = maxErrorRetry,
            RetryBaseDelay = TimeSpan.Zero,
            TimeProvider = new ManualClock(Now),
        }, handler);

    [Test]
    public async Task Describe_posts_the_query_form_with_filters_and_marker()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Xml(Fixture.Read("Rds/DescribeDBInstances.xml")));
        using var client = Client(handler);

        await client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest
        {
            Filters =
            [
                new Filter { Name = "db-instance-id", Values = ["orders-db", "billing db"] },
                new Filter { Name = "db-cluster-id", Values = ["aurora"] },
            ],
            Marker = "page-2",
            MaxRecords = 50,
        });

        var request = handler.Requests.Single();
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.Uri, Is.EqualTo(new Uri("http://rds.test:8080/")));
        Assert.That(request.Header("Content-Type"), Is.EqualTo("application/x-www-form-urlencoded; charset=utf-8"));
        Assert.That(request.Form, Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("Action", "DescribeDBInstances"),
            new("Version", "2014-10-31"),
            new("Filters.Filter.1.Name", "db-instance-id"),
            new("Filters.Filter.1.Values.Value.1", "orders-db"),
            new("Filters.Filter.1.Values.Value.2", "billing db"),
            new("Filters.Filter.2.Name", "db-cluster-id"),
            new("Filters.Filter.2.Values.Value.1", "aurora"),
            new("Marker", "page-2"),
            new("MaxRecords", "50"),
        }));
        Assert.That(request.Body, Does.Contain("billing%20db"), "RFC 3986 encoding, as the SDKs send");
    }

    [Test]
    public async Task Describe_reads_instances_their_vpc_groups_and_the_marker()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Xml(Fixture.Read("Rds/DescribeDBInstances.xml")));
        using var client = Client(handler);

        var response = await client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest());

        Assert.That(response.Marker, Is.EqualTo("page-2"));
        Assert.That(response.DBInstances, Has.Count.EqualTo(2));
        var orders = response.DBInstances![0];
        Assert.That(orders.DBInstanceIdentifier, Is.EqualTo("orders-db"));
        Assert.That(orders.DBClusterIdentifier, Is.Null);
        Assert.That(orders.DBInstanceStatus, Is.EqualTo("available"));
        Assert.That(orders.Engine, Is.EqualTo("postgres"));
        Assert.That(orders.DBSubnetGroup, Is.EqualTo(new DBSubnetGroup { DBSubnetGroupName = "private", VpcId = "vpc-0a1b2c3d" }));
        Assert.That(orders.VpcSecurityGroups!.Select(g => (g.VpcSecurityGroupId, g.Status)),
            Is.EqualTo(new[] { ("sg-0db", "active"), ("sg-0shared", "adding") }));
        Assert.That(orders.TagList!.Select(t => (t.Key, t.Value)), Is.EqualTo(new[] { ("sglambda.io/attach-trust", "true"), ("team", "orders") }));
        Assert.That(Ec2Mapping.ToDbInstance(orders).TagList, Has.Count.EqualTo(2), "the tags reach the core, which decides on them");
        var aurora = response.DBInstances[1];
        Assert.That(aurora.DBClusterIdentifier, Is.EqualTo("aurora"));
        Assert.That(aurora.VpcSecurityGroups, Is.Empty);
        Assert.That(aurora.TagList, Is.Null);
    }

    [Test]
    public async Task An_empty_result_has_no_instances_and_no_marker()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Xml(
            "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBInstancesResult><DBInstances/></DescribeDBInstancesResult></DescribeDBInstancesResponse>"));
        using var client = Client(handler);

        var response = await client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest());

        Assert.That(response.DBInstances, Is.Empty);
        Assert.That(response.Marker, Is.Null);
    }

    [Test]
    public async Task Modify_instance_sends_the_complete_group_list_and_apply_immediately()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Xml(Fixture.Read("Rds/ModifyDBInstance.xml")));
        using var client = Client(handler);

        var response = await client.ModifyDBInstanceAsync(new ModifyDBInstanceRequest
        {
            DBInstanceIdentifier = "orders-db",
            VpcSecurityGroupIds = ["sg-0db", "sg-0trust"],
            ApplyImmediately = true,
        });

        Assert.That(handler.Requests.Single().Form, Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("Action", "ModifyDBInstance"),
            new("Version", "2014-10-31"),
            new("DBInstanceIdentifier", "orders-db"),
            new("VpcSecurityGroupIds.VpcSecurityGroupId.1", "sg-0db"),
            new("VpcSecurityGroupIds.VpcSecurityGroupId.2", "sg-0trust"),
            new("ApplyImmediately", "true"),
        }));
        Assert.That(response.DBInstance!.VpcSecurityGroups!.Select(g => g.VpcSecurityGroupId), Is.EqualTo(new[] { "sg-0db", "sg-0trust" }));
    }

    [Test]
    public async Task Modify_cluster_sends_the_cluster_and_its_groups()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Xml(Fixture.Read("Rds/ModifyDBCluster.xml")));
        using var client = Client(handler);

        var response = await client.ModifyDBClusterAsync(new ModifyDBClusterRequest
        {
            DBClusterIdentifier = "aurora",
            VpcSecurityGroupIds = ["sg-0trust"],
            ApplyImmediately = false,
        });

        Assert.That(handler.Requests.Single().Form, Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("Action", "ModifyDBCluster"),
            new("Version", "2014-10-31"),
            new("DBClusterIdentifier", "aurora"),
            new("VpcSecurityGroupIds.VpcSecurityGroupId.1", "sg-0trust"),
            new("ApplyImmediately", "false"),
        }));
        Assert.That(response.DBCluster!.DBClusterIdentifier, Is.EqualTo("aurora"));
    }

    [Test]
    public async Task Requests_carry_a_sigv4_authorization_that_verifies()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Xml(Fixture.Read("Rds/DescribeDBInstances.xml")));
        using var client = Client(handler, new BasicAWSCredentials("AKIDEXAMPLE", "secret/key+1"));

        await client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { Filters = [new Filter { Name = "db-instance-id", Values = ["a b"] }] });

        var request = handler.Requests.Single();
        Assert.That(request.Header("X-Amz-Date"), Is.EqualTo("20250304T050607Z"));
        var authorization = request.Header("Authorization")!;
        Assert.That(authorization, Does.Match(
            "^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250304/eu-west-1/rds/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$"));
        var signedHeaders = authorization.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
        Assert.That(signedHeaders, Does.Contain("host").And.Contain("x-amz-date").And.Contain("content-type"));

        var canonical = SigV4.CanonicalRequest("POST", "/", [], signedHeaders, h => request.Header(h)!, SigV4.Sha256Hex(request.Body));
        var expected = SigV4.Signature("secret/key+1", "20250304T050607Z", "eu-west-1", "rds", canonical);
        Assert.That(authorization, Does.EndWith("Signature=" + expected));
    }

    [Test]
    public async Task Session_credentials_send_and_sign_the_security_token()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Xml(Fixture.Read("Rds/DescribeDBInstances.xml")));
        using var client = Client(handler, new SessionAWSCredentials("ASIAEXAMPLE", "secret", "session/token="));

        await client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest());

        var request = handler.Requests.Single();
        Assert.That(request.Header("X-Amz-Security-Token"), Is.EqualTo("session/token="));
        Assert.That(request.Header("Authorization"), Does.Contain("x-amz-security-token"));
    }

    [Test]
    public async Task An_error_response_becomes_an_exception_with_its_code_message_and_request_id()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Xml(Fixture.Read("Rds/DBInstanceNotFound.xml"), HttpStatusCode.NotFound));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<DBInstanceNotFoundException>(() =>
            client.ModifyDBInstanceAsync(new ModifyDBInstanceRequest { DBInstanceIdentifier = "gone-db", VpcSecurityGroupIds = ["sg-1"] }));

        Assert.That(error!.ErrorCode, Is.EqualTo("DBInstanceNotFound"));
        Assert.That(error.Message, Is.EqualTo("DBInstance gone-db not found."));
        Assert.That(error.RequestId, Is.EqualTo("5e6f7a8b-0000-4000-8000-000000000002"));
        Assert.That(error.ErrorType, Is.EqualTo(ErrorType.Sender));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(handler.Requests, Has.Count.EqualTo(1), "a client error is not retried");
    }

    [Test]
    public async Task An_unknown_error_code_is_an_AmazonRDSException_with_that_code()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Xml(
            "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameterCombination</Code><Message>no</Message></Error><RequestId>r</RequestId></ErrorResponse>",
            HttpStatusCode.BadRequest));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<AmazonRDSException>(() => client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest()));

        Assert.That(error!.GetType(), Is.EqualTo(typeof(AmazonRDSException)));
        Assert.That(error.ErrorCode, Is.EqualTo("InvalidParameterCombination"));
    }

    [Test]
    public async Task Throttling_and_5xx_are_retried_until_they_succeed()
    {
        var answers = new Queue<Func<HttpResponseMessage>>(
        [
            () => StubHttpHandler.Xml(Fixture.Read("Rds/Throttling.xml"), HttpStatusCode.BadRequest),
            () => StubHttpHandler.Xml("<html>bad gateway</html>", HttpStatusCode.BadGateway),
            () => StubHttpHandler.Xml("<ErrorResponse><Error><Code>InternalFailure</Code></Error></ErrorResponse>", HttpStatusCode.InternalServerError),
            () => StubHttpHandler.Xml(Fixture.Read("Rds/DescribeDBInstances.xml")),
        ]);
        var handler = new StubHttpHandler(_ => answers.Dequeue()());
        using var client = Client(handler, maxErrorRetry: 3);

        var response = await client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest());

        Assert.That(response.DBInstances, Has.Count.EqualTo(2));
        Assert.That(handler.Requests, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task A_dropped_connection_is_retried()
    {
        var attempts = 0;
        var handler = new StubHttpHandler(_ => ++attempts == 1
            ? throw new HttpRequestException("connection reset")
            : StubHttpHandler.Xml(Fixture.Read("Rds/DescribeDBInstances.xml")));
        using var client = Client(handler);

        var response = await client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest());

        Assert.That(response.DBInstances, Has.Count.EqualTo(2));
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task Retries_stop_after_MaxErrorRetry_and_the_last_error_is_thrown()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Xml(Fixture.Read("Rds/Throttling.xml"), HttpStatusCode.BadRequest));
        using var client = Client(handler, maxErrorRetry: 2);

        var error = await Assert.ThrowsAsync<AmazonRDSException>(() => client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest()));

        Assert.That(error!.ErrorCode, Is.EqualTo("Throttling"));
        Assert.That(handler.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_non_xml_error_keeps_the_http_status_as_its_code()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Xml("<html>forbidden", HttpStatusCode.Forbidden));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<AmazonRDSException>(() => client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest()));

        Assert.That(error!.ErrorCode, Is.EqualTo("HttpStatus403"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public void The_default_endpoint_is_regional()
    {
        var options = new RdsQueryClientOptions { Region = "ap-southeast-2" };

        Assert.That(options.Endpoint, Is.EqualTo(new Uri("https://rds.ap-southeast-2.amazonaws.com/")));
    }
}
