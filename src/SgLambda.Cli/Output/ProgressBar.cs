using System.Globalization;

namespace SgLambda.Cli.Output;

/// <summary>
/// A one-line progress bar on stderr, redrawn in place (<c>\r</c>) and erased when done. Disabled (a no-op)
/// unless stderr is a terminal, so logs and pipes never see it. Redraws only when the shown percentage changes.
/// </summary>
internal sealed class ProgressBar
{
    private const int Width = 30;
    private readonly TextWriter _writer;
    private readonly object _gate = new();
    private int _total;
    private int _done;
    private int _shownPercent = -1;
    private string _label = "";

    public ProgressBar(TextWriter writer, bool enabled)
    {
        _writer = writer;
        Enabled = enabled;
    }

    public static ProgressBar Disabled { get; } = new(TextWriter.Null, false);

    public bool Enabled { get; }

    /// <summary>A bar for stderr, enabled only when stderr is a terminal.</summary>
    public static ProgressBar For(TextWriter stderr) => new(stderr, Terminal.IsTerminal(stderr));

    /// <summary>Sets the work to do; the bar appears at the first <see cref="Advance"/>, after any report printed meanwhile.</summary>
    public void Start(int total, string label)
    {
        lock (_gate)
        {
            _total = Math.Max(total, 0);
            _done = 0;
            _label = label;
            _shownPercent = -1;
        }
    }

    public void Advance(int count = 1)
    {
        lock (_gate)
        {
            _done = Math.Min(_done + count, _total);
            Draw();
        }
    }

    /// <summary>Erases the bar, leaving the line for the next output.</summary>
    public void Finish()
    {
        if (!Enabled || _shownPercent < 0) return;
        lock (_gate)
        {
            _writer.Write("\r" + new string(' ', Width + 12 + _label.Length) + "\r");
            _writer.Flush();
        }
    }

    /// <summary>The bar's text for a count (for tests and drawing): <c>[#####.....]  50% label</c>.</summary>
    public static string Render(int done, int total, string label)
    {
        var fraction = total <= 0 ? 1.0 : Math.Clamp((double)done / total, 0, 1);
        var filled = (int)Math.Round(fraction * Width, MidpointRounding.ToZero);
        var percent = (int)Math.Round(fraction * 100, MidpointRounding.ToZero);
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {label}");
    }

    private void Draw()
    {
        if (!Enabled) return;
        var percent = _total <= 0 ? 100 : _done * 100 / _total;
        if (percent == _shownPercent) return;
        _shownPercent = percent;
        _writer.Write("\r" + Render(_done, _total, _label));
        _writer.Flush();
    }
}
