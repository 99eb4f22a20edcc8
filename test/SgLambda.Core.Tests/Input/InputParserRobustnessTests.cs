using FsCheck;
using SgLambda.Core.Input;

namespace SgLambda.Core.Tests.Input;

/// <summary>
/// Law: whatever a file holds, parsing it either succeeds or throws <see cref="InputException"/> naming the
/// file; no other exception (and so no stack trace) escapes. Checked on real files with one character
/// changed or removed, which is how hand-edited files usually go wrong.
/// </summary>
public sealed class InputParserRobustnessTests
{
    private static readonly (string File, Action<InputFile> Parse)[] Parsers =
    [
        ("describe-security-groups.json", file => InputParser.ParseSecurityGroups(file)),
        ("describe-network-interfaces.json", file => InputParser.ParseNetworkInterfaces(file)),
        ("describe-vpcs.json", file => InputParser.ParseVpcs(file)),
        ("describe-security-group-rules.json", file => InputParser.ParseSecurityGroupRules(file)),
        ("prefix-lists.json", file => InputParser.ParsePrefixLists(file)),
        ("kubectl-get-nodes.json", file => InputParser.ParseNodes(file)),
        ("config.json", file => InputParser.ParseConfig(file)),
    ];

    private static readonly string[] Texts = Parsers.Select(p => Fixtures.Read(p.File).Text).ToArray();

    // Characters that change JSON structure or types, and a few that do not.
    private const string Interesting = "{}[]\":,0-1 tnfe\\x.\n";

    [FsCheck.NUnit.Property(MaxTest = 500)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Structure", "NUnit1027", Justification = "FsCheck supplies the arguments.")]
    public bool One_changed_character_is_parsed_or_rejected_with_an_input_error(
        NonNegativeInt parser, NonNegativeInt position, NonNegativeInt replacement, bool remove)
    {
        var (file, parse) = Parsers[parser.Get % Parsers.Length];
        var text = Texts[parser.Get % Parsers.Length];
        var at = position.Get % text.Length;
        var changed = text[..at] + (remove ? "" : Interesting[replacement.Get % Interesting.Length].ToString()) + text[(at + 1)..];
        try
        {
            parse(new InputFile(file, changed));
            return true;
        }
        catch (InputException error)
        {
            return error.Message.StartsWith(file + ":", StringComparison.Ordinal) && error.Problem.Length > 0;
        }
    }
}
