using System.Globalization;
using System.Text;

namespace SgLambda.Cli.Output;

/// <summary>
/// A table for people: a header row and left-aligned columns two spaces apart, widths measured on the
/// plain text (colour codes do not count), no trailing spaces.
/// </summary>
internal sealed class TextTable
{
    private readonly IReadOnlyList<string> _headers;
    private readonly List<IReadOnlyList<TableCell>> _rows = [];

    public TextTable(params IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = headers;
    }

    public int RowCount => _rows.Count;

    public TextTable Add(params IReadOnlyList<TableCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != _headers.Count)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"a row of {_headers.Count} cells was expected, got {cells.Count}"), nameof(cells));
        _rows.Add(cells);
        return this;
    }

    /// <summary>Writes the table, each line prefixed with <paramref name="indent"/>.</summary>
    public void Write(TextWriter writer, Painter painter, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(painter);
        var widths = _headers.Select((header, column) => _rows.Select(row => row[column].Text.Length).Append(header.Length).Max()).ToList();
        WriteLine(writer, indent, _headers.Select(h => new TableCell(h, TextStyle.Bold)).ToList(), widths, painter);
        foreach (var row in _rows) WriteLine(writer, indent, row, widths, painter);
    }

    private static void WriteLine(TextWriter writer, string indent, IReadOnlyList<TableCell> cells, List<int> widths, Painter painter)
    {
        var line = new StringBuilder(indent);
        var last = cells.Count - 1;
        while (last > 0 && cells[last].Text.Length == 0) last--;
        for (var column = 0; column <= last; column++)
        {
            var cell = cells[column];
            line.Append(painter.Paint(cell.Text, cell.Style));
            if (column < last) line.Append(' ', widths[column] - cell.Text.Length + 2);
        }
        writer.WriteLine(line.ToString().TrimEnd());
    }
}
