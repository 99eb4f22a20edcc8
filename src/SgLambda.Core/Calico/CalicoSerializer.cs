using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace SgLambda.Core.Calico;

/// <summary>Calico objects to and from Kubernetes JSON, and kubectl-style List documents.</summary>
public static class CalicoSerializer
{
    // Relaxed escaping: selectors keep their && and ' readable (the default encoder writes \u0026, \u0027
    // for HTML safety, which kubectl users never need).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The object as Kubernetes JSON (apiVersion, kind, metadata, spec; nulls omitted).</summary>
    public static JsonObject ToJsonNode(CalicoObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return (JsonObject)JsonSerializer.SerializeToNode(value, TypeInfo(value.Kind))!;
    }

    /// <summary>A kubectl-style <c>{"apiVersion":"v1","kind":"List","items":[...]}</c>.</summary>
    public static JsonObject ToList(IEnumerable<CalicoObject> objects)
    {
        var items = new JsonArray();
        foreach (var item in objects) items.Add((JsonNode)ToJsonNode(item));
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = items };
    }

    /// <summary>The List as indented JSON text.</summary>
    public static string ToListJson(IEnumerable<CalicoObject> objects) => ToList(objects).ToJsonString(Indented);

    /// <summary>
    /// The same text as <see cref="ToListJson"/> and a line end, written to <paramref name="output"/> as the
    /// objects are serialized: no tree and no string of the whole List, whatever the number of objects.
    /// </summary>
    public static void WriteListJson(TextWriter output, IEnumerable<CalicoObject> objects)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(objects);
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes * 2);
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = ArrayPool<char>.Shared.Rent(ChunkBytes * 2);
        try
        {
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Indented.Encoder });
            writer.WriteStartObject();
            writer.WriteString("apiVersion", "v1");
            writer.WriteString("kind", "List");
            writer.WriteStartArray("items");
            foreach (var value in objects)
            {
                JsonSerializer.Serialize(writer, value, TypeInfo(value.Kind));
                if (writer.BytesPending + buffer.WrittenCount < ChunkBytes) continue;
                writer.Flush();
                Drain(buffer, decoder, ref chars, output);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            Drain(buffer, decoder, ref chars, output);
            output.WriteLine();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>One object as compact UTF-8 JSON into <paramref name="writer"/>, which keeps its own options.</summary>
    internal static void Serialize(Utf8JsonWriter writer, CalicoObject value) => JsonSerializer.Serialize(writer, value, TypeInfo(value.Kind));

    private const int ChunkBytes = 64 * 1024;

    private static void Drain(ArrayBufferWriter<byte> buffer, Decoder decoder, ref char[] chars, TextWriter output)
    {
        var bytes = buffer.WrittenSpan;
        var needed = decoder.GetCharCount(bytes, flush: false);
        if (needed > chars.Length)
        {
            ArrayPool<char>.Shared.Return(chars);
            chars = ArrayPool<char>.Shared.Rent(needed);
        }
        var count = decoder.GetChars(bytes, chars, flush: false);
        output.Write(chars, 0, count);
        buffer.ResetWrittenCount();
    }

    /// <summary>Reads one object; the kind decides the type. Throws <see cref="JsonException"/> for unknown kinds.</summary>
    public static CalicoObject FromJsonNode(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var kind = node["kind"]?.GetValue<string>()
            ?? throw new JsonException("object has no \"kind\"");
        return (CalicoObject)(node.Deserialize(TypeInfo(kind))
            ?? throw new JsonException($"{kind} is null"));
    }

    /// <summary>True for the kinds SgLambda reads and writes.</summary>
    public static bool IsKnownKind(string kind) =>
        kind is "Tier" or "GlobalNetworkPolicy" or "NetworkPolicy" or "HostEndpoint" or "GlobalNetworkSet";

    /// <summary>The type that holds objects of <paramref name="kind"/>. Throws <see cref="JsonException"/> for unknown kinds.</summary>
    public static Type TypeOf(string kind) => TypeInfo(kind).Type;

    private static JsonTypeInfo TypeInfo(string kind) => kind switch
    {
        "Tier" => CalicoJsonContext.Default.Tier,
        "GlobalNetworkPolicy" => CalicoJsonContext.Default.GlobalNetworkPolicy,
        "NetworkPolicy" => CalicoJsonContext.Default.NetworkPolicy,
        "HostEndpoint" => CalicoJsonContext.Default.HostEndpoint,
        "GlobalNetworkSet" => CalicoJsonContext.Default.GlobalNetworkSet,
        _ => throw new JsonException($"unsupported kind \"{kind}\""),
    };
}
