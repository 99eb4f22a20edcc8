using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>One served version of a CRD, ready to validate: its JSON Schema (built once) and structural schema.</summary>
public sealed class CompiledCrdVersion
{
    public CompiledCrdVersion(CustomResourceDefinition definition, CustomResourceDefinitionVersion version)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(version);
        Definition = definition;
        Version = version;
        Structural = StructuralSchema.From(version.OpenApiV3Schema, "");
        JsonSchemaDocument = OpenApiSchemaConverter.Convert(version.OpenApiV3Schema);
        var baseUri = new Uri($"https://sglambda.emulators.local/crds/{definition.Group}/{version.Name}/{definition.Kind}");
        // A registry per schema: the global one would refuse a second validator loading the same CRDs.
        Schema = JsonSchema.Build(
            JsonSerializer.SerializeToElement(JsonSchemaDocument),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            baseUri);
    }

    public CustomResourceDefinition Definition { get; }
    public CustomResourceDefinitionVersion Version { get; }
    public StructuralSchema Structural { get; }
    /// <summary>The converted schema, as JSON (see <see cref="OpenApiSchemaConverter"/>).</summary>
    public JsonObject JsonSchemaDocument { get; }
    public JsonSchema Schema { get; }
}
