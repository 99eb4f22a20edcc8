using SgLambda.Core.Input;

namespace SgLambda.Cli;

/// <summary>Reads an input file for the pure parsers, turning I/O failures into <see cref="InputException"/>.</summary>
internal static class InputFileReader
{
    /// <summary>The file's content, named in errors as the user spelled the path.</summary>
    public static InputFile Read(string path)
    {
        try
        {
            return new InputFile(path, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException(path, null, null, "no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException(path, null, null, "cannot read the file: " + e.Message);
        }
    }

    public static InputFile? ReadOptional(string? path) => path is null ? null : Read(path);
}
