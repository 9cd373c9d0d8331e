using System.Globalization;
using System.Xml.Linq;

using PhaseTracker.Web.Features.Charts;

namespace PhaseTracker.IntegrationTests.Matrix;

/// <summary>The priority matrix chart builder on its own: marks, bands, counts and escaping.</summary>
public sealed class PriorityMatrixChartTests
{
    private static XElement Marks(params MatrixChartItem[] items) => XElement.Parse(PriorityMatrixChart.Marks(items, "test").Value!);

    private static IReadOnlyList<XElement> TextsOf(XElement chart) =>
        [.. chart.Descendants().Where(e => e.Name.LocalName is "text" or "tspan")];

    [Fact]
    public void Every_item_gets_one_mark_with_a_title()
    {
        var chart = Marks(
            new("Alpha", 0, 8, "Critical"),
            new("Beta", 1, 2, "High"),
            new("Gamma", 2, 16, "Low"),
            new("Delta", 3, 1, "Medium"));

        var marks = chart.With("data-mark", "item");
        Assert.Equal(4, marks.Count);
        Assert.Contains(marks, m => m.TitleText() == "Gamma: P2, 16 h, Low impact");
        Assert.Equal(["P0", "P1", "P2", "P3"], marks.Select(m => m.Attribute("data-priority")!.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Priorities_differ_by_shape_as_well_as_by_colour()
    {
        var chart = Marks(new("A", 0, 1, "High"), new("B", 1, 1, "High"), new("C", 2, 1, "High"), new("D", 3, 1, "High"));

        var shapes = chart.With("data-mark", "item")
            .Select(m => m.Elements().First(e => e.Name.LocalName is "path" or "rect" or "circle"))
            .Select(s => (s.Name.LocalName, s.Attribute("d")?.Value.Count(c => c == 'L'), s.Attribute("fill")!.Value))
            .ToList();
        Assert.Equal(4, shapes.Select(s => (s.LocalName, s.Item2)).Distinct().Count());
        Assert.Equal(4, shapes.Select(s => s.Value).Distinct().Count());
    }

    [Fact]
    public void Unknown_impact_and_missing_effort_get_a_band_and_a_column_of_their_own()
    {
        var chart = Marks(new("Known", 1, 4, "High"), new("Odd impact", 2, 3, "Sizeable"), new("No estimate", null, null, "Low"));

        var texts = TextsOf(chart).Select(t => t.Value).ToList();
        Assert.Contains("Unknown", texts);
        Assert.Contains("no estimate", texts);
        Assert.Contains(chart.With("data-mark", "item"), m => m.TitleText() == "Odd impact: P2, 3 h, impact unknown");
        Assert.Contains(chart.With("data-mark", "item"), m => m.TitleText() == "No estimate: no priority, no estimate, Low impact");
        Assert.Contains("impact unknown: 1; no estimate: 1.", chart.Elements().Single(e => e.Name.LocalName == "desc").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Impact_reads_case_and_spacing_as_written()
    {
        Assert.Equal(ImpactLevel.Critical, ImpactLevels.Parse(" critical "));
        Assert.Equal(ImpactLevel.Medium, ImpactLevels.Parse("Med"));
        Assert.Equal(ImpactLevel.Low, ImpactLevels.Parse("LOW"));
        Assert.Equal(ImpactLevel.Unknown, ImpactLevels.Parse(""));
        Assert.Equal(ImpactLevel.Unknown, ImpactLevels.Parse(null));
    }

    [Fact]
    public void Quick_wins_and_the_other_quadrants_are_counted_in_the_description()
    {
        var chart = Marks(new("Win", 0, 1, "High"), new("Bet", 0, 16, "Critical"), new("Fill", 3, 1, "Low"), new("Pit", 3, 16, "Medium"));

        var description = chart.Elements().Single(e => e.Name.LocalName == "desc").Value;
        Assert.Contains("Quick wins (high impact, low effort): 1", description, StringComparison.Ordinal);
        Assert.Contains("Big bets (high impact, high effort): 1", description, StringComparison.Ordinal);
        Assert.Contains("Fill-ins (low impact, low effort): 1", description, StringComparison.Ordinal);
        Assert.Contains("Money pits (low impact, high effort): 1", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_a_label_is_escaped_and_the_chart_stays_well_formed()
    {
        const string label = "<script>x</script> & \"quotes\" 'too'";

        var markup = PriorityMatrixChart.Marks([new MatrixChartItem(label, 1, 8, "High")], "test").Value!;

        Assert.DoesNotContain("<script", markup, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39;", markup, StringComparison.Ordinal);
        var mark = Assert.Single(XElement.Parse(markup).With("data-mark", "item"));
        Assert.Equal($"{label}: P1, 8 h, High impact", mark.TitleText());
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped()
    {
        var markup = PriorityMatrixChart.Marks([new MatrixChartItem("Bell\u0007 and lone \uD800 surrogate", 1, 8, "High")], "test").Value!;

        var mark = Assert.Single(XElement.Parse(markup).With("data-mark", "item"));
        Assert.Equal("Bell and lone  surrogate: P1, 8 h, High impact", mark.TitleText());
    }

    [Fact]
    public void A_long_label_is_shortened_with_the_whole_text_in_the_title()
    {
        var title = string.Join(' ', Enumerable.Repeat("Extraordinarily", 8));

        var mark = Assert.Single(Marks(new MatrixChartItem(title, 2, 4, "Medium")).With("data-mark", "item"));

        var label = mark.Elements().Single(e => e.Name.LocalName == "text").Value;
        Assert.EndsWith("…", label, StringComparison.Ordinal);
        Assert.True(label.Length < title.Length);
        Assert.StartsWith(title, mark.TitleText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Items_of_equal_effort_and_impact_are_stacked_not_drawn_on_top_of_each_other()
    {
        var items = Enumerable.Range(1, 6).Select(i => new MatrixChartItem($"Same {i}", 1, 8, "High")).ToArray();

        var positions = Marks(items).With("data-mark", "item")
            .Select(m => m.Elements().First(e => e.Name.LocalName == "path").Attribute("d")!.Value)
            .ToList();

        Assert.Equal(6, positions.Distinct().Count());
    }

    [Fact]
    public void In_a_crowded_chart_no_label_covers_a_mark_or_another_label()
    {
        string[] impacts = ["Critical", "High", "Medium", "Low"];
        var items = Enumerable.Range(0, PriorityMatrixChart.MaxMarks)
            .Select(i => new MatrixChartItem($"Item number {i} with a longish name", i % 4, 1 + (i % 8), impacts[i / 7 % 4]))
            .ToArray();

        var marks = Marks(items).With("data-mark", "item");

        Assert.Equal(PriorityMatrixChart.MaxMarks, marks.Count);
        var shapes = marks.Select(m => Bounds(m.Elements().First(e => e.Name.LocalName is "path" or "rect" or "circle"))).ToList();
        var labels = marks.SelectMany(m => m.Elements().Where(e => e.Name.LocalName == "text")).Select(LabelBounds).ToList();
        Assert.NotEmpty(labels);
        for (var i = 0; i < labels.Count; i++)
        {
            Assert.DoesNotContain(shapes, shape => Overlap(labels[i], shape));
            Assert.DoesNotContain(labels.Skip(i + 1), other => Overlap(labels[i], other));
        }

        for (var i = 0; i < shapes.Count; i++)
        {
            Assert.DoesNotContain(shapes.Skip(i + 1), other => Overlap(shapes[i], other));
        }
    }

    private static (double X1, double Y1, double X2, double Y2) Bounds(XElement shape)
    {
        double N(string name) => double.Parse(shape.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        switch (shape.Name.LocalName)
        {
            case "circle":
                return (N("cx") - N("r"), N("cy") - N("r"), N("cx") + N("r"), N("cy") + N("r"));
            case "rect":
                return (N("x"), N("y"), N("x") + N("width"), N("y") + N("height"));
            default:
                var points = shape.Attribute("d")!.Value.Split('M', 'L', 'Z', ',')
                    .Where(p => p.Length > 0).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToList();
                var xs = points.Where((_, i) => i % 2 == 0).ToList();
                var ys = points.Where((_, i) => i % 2 == 1).ToList();
                return (xs.Min(), ys.Min(), xs.Max(), ys.Max());
        }
    }

    private static (double X1, double Y1, double X2, double Y2) LabelBounds(XElement text)
    {
        double N(string name) => double.Parse(text.AncestorsAndSelf().Select(e => e.Attribute(name)).First(a => a is not null)!.Value, CultureInfo.InvariantCulture);
        var width = ChartText.Width(text.Value, N("font-size"));
        var left = text.Attribute("text-anchor")?.Value == "end" ? N("x") - width : N("x");
        return (left, N("y") - 9, left + width, N("y") + 2);
    }

    private static bool Overlap((double X1, double Y1, double X2, double Y2) a, (double X1, double Y1, double X2, double Y2) b) =>
        a.X1 < b.X2 && b.X1 < a.X2 && a.Y1 < b.Y2 && b.Y1 < a.Y2;

    [Fact]
    public void Counts_put_every_item_in_one_cell_and_add_up()
    {
        MatrixChartGroup[] groups =
        [
            new("High", 1, 0, 40), new("High", 1, 1, 10), new("high", 3, 2, 25), new("Critical", 12, 0, 7),
            new("Low", 0.5, 3, 100), new("Medium", 30, 2, 18), new("Whatever", 4, 1, 5), new("Low", null, null, 9),
        ];

        var chart = XElement.Parse(PriorityMatrixChart.Counts(groups, "test").Value!);

        var cells = chart.With("data-count").ToDictionary(c => c.Attribute("data-cell")!.Value, c => int.Parse(c.Attribute("data-count")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(groups.Sum(g => g.Count), cells.Values.Sum());
        Assert.Equal(50, cells["High|≤ 1 h"]);
        Assert.Equal(25, cells["High|2–4 h"]);
        Assert.Equal(7, cells["Critical|8–16 h"]);
        Assert.Equal(100, cells["Low|≤ 1 h"]);
        Assert.Equal(18, cells["Medium|16–40 h"]);
        Assert.Equal(5, cells["Unknown|2–4 h"]);
        Assert.Equal(9, cells["Low|no estimate"]);
        Assert.Empty(chart.With("data-mark"));
        Assert.Contains(chart.With("data-count"), c => c.TitleText() == "High impact, ≤ 1 h: 50 items (P0: 40, P1: 10)");
    }

    [Fact]
    public void The_effort_axis_has_round_ticks_and_room_above_the_largest_effort()
    {
        var scale = new EffortScale(16, 0, 900);

        Assert.Equal(20, scale.Max);
        Assert.Equal(5, scale.MidHours);
        Assert.Equal(450, scale.X(5), 6);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20], scale.Ticks());
        Assert.Equal(10, new EffortScale(8, 0, 900).Max);
        Assert.Equal(1, new EffortScale(0, 0, 900).Max);
    }
}
