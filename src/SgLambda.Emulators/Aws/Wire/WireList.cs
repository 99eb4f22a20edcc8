namespace SgLambda.Emulators.Aws.Wire;

/// <summary>
/// A list. EC2 XML wraps each element in <c>&lt;item&gt;</c> (RDS names it after its type); CloudTrail's EC2
/// records wrap the elements in <c>{"items": [...]}</c>, except for a few lists where it keeps another
/// name (<see cref="CloudTrailEnvelope"/>), and write an empty list as <c>{}</c>. An empty envelope name
/// means a plain JSON array (the <c>tags</c> of a tag specification).
/// </summary>
internal sealed class WireList(IEnumerable<WireNode> items, string itemName = "item", string cloudTrailEnvelope = "items") : WireNode
{
    public IReadOnlyList<WireNode> Items { get; } = [.. items];
    public string ItemName { get; } = itemName;
    public string CloudTrailEnvelope { get; } = cloudTrailEnvelope;

    public static WireList Empty { get; } = new([]);
}
