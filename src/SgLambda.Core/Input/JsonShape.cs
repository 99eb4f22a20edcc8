using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace SgLambda.Core.Input;

/// <summary>
/// The shape a source-generated record expects, derived once per type from its <see cref="JsonTypeInfo"/>:
/// what <see cref="CheckedJsonReader"/> checks token by token, without looking metadata up per token.
/// </summary>
internal sealed class JsonShape
{
    private static readonly ConcurrentDictionary<JsonTypeInfo, JsonShape> Cache = new();

    private JsonShape(JsonTypeInfo typeInfo, JsonShapeKind kind)
    {
        TypeInfo = typeInfo;
        Kind = kind;
    }

    public JsonTypeInfo TypeInfo { get; }
    public JsonShapeKind Kind { get; }
    public IReadOnlyList<JsonShapeField> Fields { get; private set; } = [];
    public JsonShape? Element { get; private set; }
    public IReadOnlyList<string> EnumNames { get; private set; } = [];

    public static JsonShape Of(JsonTypeInfo typeInfo) => Cache.GetOrAdd(typeInfo, info => Build(info, new Dictionary<Type, JsonShape>()));

    private static JsonShape Build(JsonTypeInfo typeInfo, Dictionary<Type, JsonShape> building)
    {
        if (building.TryGetValue(typeInfo.Type, out var known)) return known;
        var options = typeInfo.Options;
        var clrType = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        var shape = new JsonShape(typeInfo, typeInfo.Kind switch
        {
            JsonTypeInfoKind.Object => JsonShapeKind.Object,
            JsonTypeInfoKind.Enumerable => JsonShapeKind.Array,
            JsonTypeInfoKind.None when clrType == typeof(string) => JsonShapeKind.String,
            JsonTypeInfoKind.None when clrType == typeof(int) => JsonShapeKind.Integer,
            JsonTypeInfoKind.None when clrType == typeof(bool) => JsonShapeKind.Boolean,
            JsonTypeInfoKind.None when clrType.IsEnum => JsonShapeKind.Enum,
            _ => throw new InvalidOperationException($"no shape check for {typeInfo.Type} ({typeInfo.Kind})"),
        });
        building[typeInfo.Type] = shape;
        switch (shape.Kind)
        {
            case JsonShapeKind.Object:
                if (typeInfo.Properties.Count > 64) throw new InvalidOperationException($"{typeInfo.Type} has more than 64 JSON fields");
                var fields = typeInfo.Properties
                    .Select((p, index) => new JsonShapeField(p.Name, Encoding.UTF8.GetBytes(p.Name), index, p.IsSetNullable, p.IsRequired, p))
                    .ToList();
                foreach (var field in fields) field.Shape = Build(options.GetTypeInfo(field.Property.PropertyType), building);
                shape.Fields = fields;
                break;
            case JsonShapeKind.Array:
                shape.Element = Build(options.GetTypeInfo(typeInfo.ElementType!), building);
                break;
            case JsonShapeKind.Enum:
                shape.EnumNames = Enum.GetNames(clrType);
                break;
        }
        return shape;
    }
}
