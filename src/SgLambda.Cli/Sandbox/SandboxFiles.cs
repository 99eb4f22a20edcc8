using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Cli.Sandbox;

/// <summary>
/// The files that point the user's clients at a sandbox: a kubeconfig (CA and token), an env file for the AWS CLI
/// and SDKs (<c>AWS_ENDPOINT_URL_*</c>, region, dummy keys), a Terraform <c>provider "aws"</c> block, and
/// sandbox.json with the account's ids and the endpoints, for scripts.
/// </summary>
internal sealed record SandboxFiles(string Kubeconfig, string AwsEnv, string ProviderTf, string SandboxJson)
{
    public const string AccessKeyId = "AKIDSGLAMBDASANDBOX";
    public const string SecretAccessKey = "sandbox";

    public static async Task<SandboxFiles> WriteAsync(string folder, SandboxWorld world)
    {
        var files = new SandboxFiles(Path.Combine(folder, "kubeconfig"), Path.Combine(folder, "aws.env"), Path.Combine(folder, "provider.tf"), Path.Combine(folder, "sandbox.json"));
        var endpoint = world.Aws.ServiceUrl;
        var region = world.Config.Region!;
        await File.WriteAllTextAsync(files.Kubeconfig, world.Cluster.KubeconfigYaml("sglambda-sandbox"));
        await File.WriteAllTextAsync(files.AwsEnv, new StringBuilder()
            .Append("# The AWS CLI and SDKs against the SgLambda sandbox: source this file.\n")
            .Append("export AWS_ENDPOINT_URL_EC2=").Append(endpoint).Append('\n')
            .Append("export AWS_ENDPOINT_URL_RDS=").Append(endpoint).Append('\n')
            .Append("export AWS_ENDPOINT_URL_STS=").Append(endpoint).Append('\n')
            .Append("export AWS_REGION=").Append(region).Append('\n')
            .Append("export AWS_DEFAULT_REGION=").Append(region).Append('\n')
            .Append("export AWS_ACCESS_KEY_ID=").Append(AccessKeyId).Append('\n')
            .Append("export AWS_SECRET_ACCESS_KEY=").Append(SecretAccessKey).Append('\n')
            .Append("unset AWS_SESSION_TOKEN AWS_PROFILE\n")
            .Append("export KUBECONFIG=").Append(files.Kubeconfig).Append('\n')
            .ToString());
        await File.WriteAllTextAsync(files.ProviderTf, $$"""
            # The hashicorp/aws provider against the SgLambda sandbox (dummy keys; the sandbox does not check signatures).
            provider "aws" {
              region                      = "{{region}}"
              access_key                  = "{{AccessKeyId}}"
              secret_key                  = "{{SecretAccessKey}}"
              skip_metadata_api_check     = true
              skip_region_validation      = true

              endpoints {
                ec2 = "{{endpoint}}"
                rds = "{{endpoint}}"
                sts = "{{endpoint}}"
              }
            }

            """);
        var config = world.Config;
        var document = new JsonObject
        {
            ["accountId"] = config.AccountId,
            ["region"] = region,
            ["vpcId"] = config.VpcId,
            ["subnetIds"] = new JsonArray([.. world.Aws.Account.Subnets
                .Where(s => string.Equals(s.VpcId, config.VpcId, StringComparison.Ordinal))
                .Select(s => (JsonNode?)JsonValue.Create(s.SubnetId))]),
            ["nodeSecurityGroupIds"] = new JsonArray([.. config.NodeSecurityGroupIds.Select(id => (JsonNode?)JsonValue.Create(id))]),
            ["podSecurityGroupId"] = config.PodSecurityGroupId,
            ["ec2Endpoint"] = endpoint,
            ["rdsEndpoint"] = endpoint,
            ["stsEndpoint"] = endpoint,
            ["kubernetesEndpoint"] = world.Cluster.BaseUrl.GetLeftPart(UriPartial.Authority),
            ["kubeconfig"] = files.Kubeconfig,
        };
        await File.WriteAllTextAsync(files.SandboxJson, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return files;
    }
}
