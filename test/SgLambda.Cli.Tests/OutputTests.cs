using System.Globalization;
using SgLambda.Cli.Output;

namespace SgLambda.Cli.Tests;

/// <summary>The human-output helpers: aligned tables, when to colour, the progress bar's text.</summary>
public sealed class OutputTests
{
    [Test]
    public void Table_columns_line_up_on_the_plain_text_even_when_coloured()
    {
        var table = new TextTable("KIND", "NAME", "CHANGE")
            .Add("Tier", "sg-local", "created")
            .Add(new TableCell("GlobalNetworkPolicy", TextStyle.Good), "sg-local.sg-1", "");
        using var plain = new StringWriter(CultureInfo.InvariantCulture);
        using var coloured = new StringWriter(CultureInfo.InvariantCulture);

        table.Write(plain, Painter.None, "  ");
        table.Write(coloured, new Painter(true), "  ");

        Assert.That(plain.ToString().ReplaceLineEndings("\n"), Is.EqualTo(
            "  KIND                 NAME           CHANGE\n" +
            "  Tier                 sg-local       created\n" +
            "  GlobalNetworkPolicy  sg-local.sg-1\n"));
        Assert.That(StripAnsi(coloured.ToString()), Is.EqualTo(plain.ToString()));
        Assert.That(coloured.ToString(), Does.Contain("\u001b[32mGlobalNetworkPolicy\u001b[0m"));
    }

    [Test]
    public void A_row_of_the_wrong_width_is_refused()
    {
        var table = new TextTable("A", "B");

        Assert.That(() => table.Add("only one"), Throws.ArgumentException.With.Message.Contains("a row of 2 cells was expected, got 1"));
    }

    [TestCase(true, false, null, ExpectedResult = true)]
    [TestCase(true, false, "", ExpectedResult = true)]
    [TestCase(false, false, null, ExpectedResult = false)]
    [TestCase(true, true, null, ExpectedResult = false)]
    [TestCase(true, false, "1", ExpectedResult = false)]
    public bool Colour_only_on_a_terminal_without_no_color(bool isTerminal, bool noColorOption, string? noColorVariable) =>
        Terminal.UseColor(isTerminal, noColorOption, noColorVariable);

    [Test]
    public void Writers_that_are_not_the_console_are_not_terminals()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        Assert.That(Terminal.IsTerminal(writer), Is.False);
        Assert.That(Terminal.PainterFor(writer, noColorOption: false).Enabled, Is.False);
    }

    [Test]
    public void A_disabled_painter_returns_the_text_unchanged()
    {
        Assert.That(Painter.None.Paint("denied", TextStyle.Bad), Is.EqualTo("denied"));
    }

    [TestCase(0, 10, "[..............................]   0% applying")]
    [TestCase(5, 10, "[###############...............]  50% applying")]
    [TestCase(10, 10, "[##############################] 100% applying")]
    [TestCase(0, 0, "[##############################] 100% applying")]
    public void Progress_bar_text(int done, int total, string expected) =>
        Assert.That(ProgressBar.Render(done, total, "applying"), Is.EqualTo(expected));

    [Test]
    public void A_progress_bar_that_is_not_on_a_terminal_writes_nothing()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var bar = new ProgressBar(writer, enabled: false);

        bar.Start(3, "applying");
        bar.Advance();
        bar.Finish();

        Assert.That(writer.ToString(), Is.Empty);
    }

    [Test]
    public void An_enabled_progress_bar_redraws_in_place_and_erases_itself()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var bar = new ProgressBar(writer, enabled: true);

        bar.Start(2, "applying");
        Assert.That(writer.ToString(), Is.Empty, "nothing shows before the first step");
        bar.Advance();
        bar.Advance();
        bar.Finish();

        var text = writer.ToString();
        Assert.That(text, Does.StartWith("\r[###############...............]  50% applying\r[##############################] 100% applying\r"));
        Assert.That(text, Does.EndWith("\r"));
    }

    private static string StripAnsi(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", "");
}
