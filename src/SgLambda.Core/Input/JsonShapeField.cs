using System.Text.Json.Serialization.Metadata;

namespace SgLambda.Core.Input;

/// <summary>A field of an object <see cref="JsonShape"/>, with its UTF-8 name for comparing against the reader without decoding.</summary>
internal sealed record JsonShapeField(string Name, byte[] Utf8Name, int Index, bool NullAllowed, bool IsRequired, JsonPropertyInfo Property)
{
    /// <summary>Set once the field's type is known (shapes may refer to each other).</summary>
    public JsonShape Shape { get; set; } = null!;
}
