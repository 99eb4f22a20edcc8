using System.Text;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// The fields of one protobuf message (the wire format: a varint key of field number and wire type, then a
/// varint, 8 or 4 bytes, or a length-prefixed run of bytes). Only what <see cref="KubernetesProtobuf"/> reads.
/// </summary>
internal sealed class ProtobufFields
{
    private readonly List<(int Number, ulong Varint, ReadOnlyMemory<byte> Bytes)> _fields = [];

    public ProtobufFields(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        var span = message.Span;
        while (position < span.Length)
        {
            var key = ReadVarint(span, ref position);
            var number = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    _fields.Add((number, ReadVarint(span, ref position), ReadOnlyMemory<byte>.Empty));
                    break;
                case 1:
                    position = Advance(span, position, 8);
                    break;
                case 2:
                    var length = ReadVarint(span, ref position);
                    if (length > (ulong)(span.Length - position)) throw new FormatException("a length-delimited field runs past the end of its message");
                    _fields.Add((number, 0, message.Slice(position, (int)length)));
                    position += (int)length;
                    break;
                case 5:
                    position = Advance(span, position, 4);
                    break;
                default:
                    throw new FormatException($"unsupported protobuf wire type {key & 7} for field {number}");
            }
        }
    }

    public string? String(int number) =>
        _fields.LastOrDefault(field => field.Number == number) is { Number: > 0 } field ? Encoding.UTF8.GetString(field.Bytes.Span) : null;

    public IEnumerable<string> Strings(int number) =>
        _fields.Where(field => field.Number == number).Select(field => Encoding.UTF8.GetString(field.Bytes.Span));

    // The cast matters: a bare null would convert to an empty ReadOnlyMemory (through byte[]), not to "absent".
    public ReadOnlyMemory<byte>? Bytes(int number) =>
        _fields.LastOrDefault(field => field.Number == number) is { Number: > 0 } field ? field.Bytes : (ReadOnlyMemory<byte>?)null;

    public ProtobufFields? Message(int number) => Bytes(number) is { } bytes ? new ProtobufFields(bytes) : null;

    public IEnumerable<ProtobufFields> Messages(int number) =>
        _fields.Where(field => field.Number == number).Select(field => new ProtobufFields(field.Bytes));

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= span.Length) throw new FormatException("a varint runs past the end of its message");
            var next = span[position++];
            value |= (ulong)(next & 0x7F) << shift;
            if ((next & 0x80) == 0) return value;
        }
        throw new FormatException("a varint is longer than 10 bytes");
    }

    private static int Advance(ReadOnlySpan<byte> span, int position, int count) =>
        position + count <= span.Length ? position + count : throw new FormatException("a fixed-width field runs past the end of its message");
}
