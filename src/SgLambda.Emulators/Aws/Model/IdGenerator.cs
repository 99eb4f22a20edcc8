using System.Globalization;
using System.Text;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>
/// Ids shaped like AWS's (<c>sg-</c> plus 17 hex digits, request ids as UUIDs), drawn from a seeded
/// generator so that a run with the same seed and the same calls gets the same ids.
/// </summary>
internal sealed class IdGenerator(int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    /// <summary><c>prefix-</c> and 17 lower-case hex digits: sg-, sgr-, eni-, i-, r-, vpc-, subnet-, pl-, eni-attach-.</summary>
    public string Next(string prefix) => prefix + "-" + Hex(17);

    /// <summary>A UUID, as EC2 request ids, CloudTrail event ids and EventBridge event ids are.</summary>
    public string Uuid()
    {
        var bytes = new byte[16];
        lock (_gate) _random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    /// <summary>A locally administered unicast MAC address, as ENIs get.</summary>
    public string MacAddress()
    {
        var bytes = new byte[5];
        lock (_gate) _random.NextBytes(bytes);
        return "0e:" + string.Join(':', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>RDS resource ids: <c>db-</c> and 26 upper-case letters and digits.</summary>
    public string DbiResourceId()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var text = new StringBuilder("db-");
        lock (_gate)
        {
            for (var i = 0; i < 26; i++) text.Append(alphabet[_random.Next(alphabet.Length)]);
        }
        return text.ToString();
    }

    private string Hex(int digits)
    {
        var text = new StringBuilder(digits);
        lock (_gate)
        {
            for (var i = 0; i < digits; i++) text.Append("0123456789abcdef"[_random.Next(16)]);
        }
        return text.ToString();
    }
}
