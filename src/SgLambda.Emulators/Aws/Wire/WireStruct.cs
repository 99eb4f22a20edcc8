namespace SgLambda.Emulators.Aws.Wire;

/// <summary>A structure: named fields in document order. Absent (null) fields are not written at all.</summary>
internal sealed class WireStruct : WireNode
{
    private readonly List<KeyValuePair<string, WireNode>> _fields = [];

    public IReadOnlyList<KeyValuePair<string, WireNode>> Fields => _fields;

    public WireStruct Add(string name, WireNode? value)
    {
        if (value is not null) _fields.Add(new(name, value));
        return this;
    }

    public WireStruct Add(string name, string? text) => text is null ? this : Add(name, WireValue.Of(text));

    public WireStruct Add(string name, long? number) => number is { } n ? Add(name, WireValue.Of(n)) : this;

    public WireStruct Add(string name, bool? flag) => flag is { } f ? Add(name, WireValue.Of(f)) : this;

    public WireStruct Add(string name, DateTimeOffset? time) => time is { } t ? Add(name, WireValue.Of(t)) : this;
}
