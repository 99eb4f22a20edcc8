using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace SgLambda.Core.Calico;

/// <summary>
/// Reads listed objects, keeping one instance of each repeated string. A listing of the whole
/// cluster repeats the same selectors, CIDRs, port ranges and label keys hundreds of thousands of times (at
/// 10,000 SGs the copies of selectors alone are about 70 MB), and the reconciler holds the listing beside the
/// rendered objects. The pool lives as long as the reader: the stores use one per page.
/// </summary>
public sealed class CalicoListingReader
{
    private readonly JsonSerializerOptions _options;

    public CalicoListingReader()
    {
        // The source-generated metadata takes a converter for string from the options it is asked through.
        _options = new JsonSerializerOptions(CalicoJsonContext.Default.Options);
        _options.Converters.Add(new PooledStringConverter());
    }

    /// <summary>Reads one object as <see cref="CalicoSerializer.FromJsonNode"/> does.</summary>
    public CalicoObject Read(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var kind = node["kind"]?.GetValue<string>() ?? throw new JsonException("object has no \"kind\"");
        var typeInfo = (JsonTypeInfo)_options.GetTypeInfo(CalicoSerializer.TypeOf(kind));
        return (CalicoObject)(node.Deserialize(typeInfo) ?? throw new JsonException($"{kind} is null"));
    }
}
