using System.Text.Json.Serialization;

namespace SgLambda.Core.Input;

/// <summary>
/// Source-generated JSON for AWS CLI output: PascalCase names exactly as the records spell them,
/// unknown fields ignored, and null only where a record member is nullable.
/// </summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true)]
[JsonSerializable(typeof(DescribeSecurityGroupsOutput))]
[JsonSerializable(typeof(DescribeNetworkInterfacesOutput))]
[JsonSerializable(typeof(DescribeVpcsOutput))]
[JsonSerializable(typeof(DescribeSecurityGroupRulesOutput))]
[JsonSerializable(typeof(PrefixListsDocument))]
[JsonSerializable(typeof(GetManagedPrefixListEntriesOutput))]
internal sealed partial class AwsCliJsonContext : JsonSerializerContext;
