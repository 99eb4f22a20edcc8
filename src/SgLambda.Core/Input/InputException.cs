using System.Globalization;
using System.Text;

namespace SgLambda.Core.Input;

/// <summary>
/// An input file that cannot be used: unreadable, not JSON, or not the shape its option expects.
/// The message names the file, the JSON path and line where known, and what was expected, so a user
/// can fix the file without reading code.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string fileName, string? jsonPath, int? lineNumber, string problem)
        : base(Describe(fileName, jsonPath, lineNumber, problem))
    {
        FileName = fileName;
        JsonPath = jsonPath;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The file as the user named it.</summary>
    public string FileName { get; }
    /// <summary>Where in the document, e.g. <c>$.SecurityGroups[3].IpPermissions[0].FromPort</c>.</summary>
    public string? JsonPath { get; }
    /// <summary>1-based line of the offending token.</summary>
    public int? LineNumber { get; }
    /// <summary>What is wrong, e.g. <c>expected an integer, got the string "80"</c>.</summary>
    public string Problem { get; }

    // Compiler-style "file:line: path: problem", so editors and terminals can jump to the place.
    private static string Describe(string fileName, string? jsonPath, int? lineNumber, string problem)
    {
        var text = new StringBuilder(fileName);
        if (lineNumber is { } line) text.Append(':').Append(line.ToString(CultureInfo.InvariantCulture));
        text.Append(": ");
        if (jsonPath is not null) text.Append(jsonPath).Append(": ");
        return text.Append(problem).ToString();
    }
}
