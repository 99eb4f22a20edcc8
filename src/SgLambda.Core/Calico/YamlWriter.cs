using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SgLambda.Core.Calico;

/// <summary>
/// Writes JSON documents as a YAML stream (one document per object, <c>---</c> between them), quoting
/// strings that YAML would otherwise read as numbers, booleans or null.
/// </summary>
public static partial class YamlWriter
{
    public static string Write(IEnumerable<JsonNode> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = NewEmitter(text);
        emitter.Emit(new StreamStart());
        foreach (var document in documents)
        {
            emitter.Emit(new DocumentStart(null, null, isImplicit: false));
            Emit(emitter, document);
            emitter.Emit(new DocumentEnd(isImplicit: true));
        }
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    /// <summary>
    /// The same text as <see cref="Write"/> of the objects' <see cref="CalicoSerializer.ToJsonNode"/>, written
    /// to <paramref name="output"/> object by object: each is serialized to UTF-8 and written from its tokens,
    /// with no tree and no string of the whole stream; by <see cref="SimpleYamlDocument"/> when it can, else by
    /// the emitter. The emitter writes small pieces: give it a buffered writer.
    /// </summary>
    public static void WriteObjects(TextWriter output, IEnumerable<CalicoObject> objects)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(objects);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using var writer = new Utf8JsonWriter(buffer);
        WriteDocuments(output, objects.Select(value =>
        {
            buffer.ResetWrittenCount();
            writer.Reset();
            CalicoSerializer.Serialize(writer, value);
            writer.Flush();
            return buffer.WrittenMemory;
        }));
    }

    /// <summary>JSON documents (objects, UTF-8) as a YAML stream: the text <see cref="Write"/> makes of them.</summary>
    internal static void WriteDocuments(TextWriter output, IEnumerable<ReadOnlyMemory<byte>> documents)
    {
        var text = new ArrayBufferWriter<char>(16 * 1024);
        foreach (var json in documents)
        {
            text.ResetWrittenCount();
            if (SimpleYamlDocument.TryWrite(json.Span, text))
            {
                output.Write(text.WrittenSpan);
                continue;
            }
            // Each document is a stream of its own for the emitter: the text is the same as one stream of all.
            var emitter = NewEmitter(output);
            var reader = new Utf8JsonReader(json.Span);
            reader.Read();
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart(null, null, isImplicit: false));
            Emit(emitter, ref reader);
            emitter.Emit(new DocumentEnd(isImplicit: true));
            emitter.Emit(new StreamEnd());
        }
    }

    private static Emitter NewEmitter(TextWriter output) =>
        new(output, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));

    // The reader is on the value's first token; it is left on its last.
    private static void Emit(Emitter emitter, ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                emitter.Emit(new MappingStart());
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    emitter.Emit(StringScalar(reader.GetString()!));
                    reader.Read();
                    Emit(emitter, ref reader);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonTokenType.StartArray:
                emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) Emit(emitter, ref reader);
                emitter.Emit(new SequenceEnd());
                break;
            case JsonTokenType.String:
                emitter.Emit(StringScalar(reader.GetString()!));
                break;
            default:
                // Numbers, true, false and null as JSON spells them, as ToJsonString() of a node does.
                emitter.Emit(new Scalar(Encoding.UTF8.GetString(reader.ValueSpan)));
                break;
        }
    }

    private static void Emit(Emitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                emitter.Emit(new MappingStart());
                foreach (var (key, value) in map)
                {
                    emitter.Emit(StringScalar(key));
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray list:
                emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
                foreach (var item in list) Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                emitter.Emit(StringScalar(value.GetValue<string>()));
                break;
            case null:
                emitter.Emit(new Scalar("null"));
                break;
            default:
                emitter.Emit(new Scalar(node.ToJsonString()));
                break;
        }
    }

    private static Scalar StringScalar(string text) =>
        NeedsQuotes(text)
            ? new Scalar(null, null, text, ScalarStyle.DoubleQuoted, true, true)
            : new Scalar(null, null, text, ScalarStyle.Any, true, false);

    internal static bool NeedsQuotes(ReadOnlySpan<char> text) => text.IsEmpty || Ambiguous().IsMatch(text);

    // Plain scalars YAML 1.1/1.2 resolve to a non-string, or that start with an indicator character.
    [GeneratedRegex(@"^([-+]?(\.?[0-9][0-9_.:eE+-]*|\.inf|\.Inf|\.INF)|\.nan|\.NaN|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|0x[0-9a-fA-F]+|0o[0-7]+|[-?:,\[\]{}#&*!|>'""%@`].*|.*(: | #).*|.*[:\s])$")]
    private static partial Regex Ambiguous();
}
