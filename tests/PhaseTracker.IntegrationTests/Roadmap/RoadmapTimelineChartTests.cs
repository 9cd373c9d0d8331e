using System.Globalization;
using System.Xml.Linq;

using PhaseTracker.IntegrationTests.Matrix;
using PhaseTracker.Web.Features.Charts;

namespace PhaseTracker.IntegrationTests.Roadmap;

/// <summary>The roadmap timeline builder on its own: bars, rows, the lane of blocks without a day, escaping.</summary>
public sealed class RoadmapTimelineChartTests
{
    private static XElement Render(params TimelineWeek[] weeks) => XElement.Parse(RoadmapTimelineChart.Render(weeks, "test").Value!);

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void A_bar_runs_from_the_start_of_its_first_day_to_the_end_of_its_last()
    {
        var chart = Render(new TimelineWeek(1, "Start", [new(1, 2, "Two days", 0, ""), new(3, 3, "One day", 1, "")]));

        var bars = chart.With("data-block", "scheduled")
            .Select(b => b.Elements().First(e => e.Name.LocalName == "rect"))
            .Select(r => (X: Number(r, "x"), Width: Number(r, "width")))
            .ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal(bars[0].Width + 3, 2 * (bars[1].Width + 3), tolerance: 0.05);
        Assert.True(bars[1].X > bars[0].X + bars[0].Width, "the second block starts after the first ends");
    }

    [Fact]
    public void Bars_whose_labels_would_collide_go_into_rows_of_their_own()
    {
        // Thirty days across: a one-day bar is far narrower than its title.
        var chart = Render(
            new TimelineWeek(1, "Crowded",
            [
                new(1, 1, "A title far too long for a one-day bar", 0, ""),
                new(2, 2, "Another title far too long for its bar", 1, ""),
                new(3, 3, "And a third one that will not fit", 2, ""),
            ]),
            new TimelineWeek(6, "Later", [new(30, 30, "Much later", 3, "")]));

        var rows = chart.With("data-block", "scheduled")
            .Take(3)
            .Select(b => Number(b.Elements().First(e => e.Name.LocalName == "rect"), "y"))
            .Distinct()
            .Count();
        Assert.Equal(3, rows);
    }

    [Fact]
    public void Blocks_without_a_day_go_into_their_own_lane()
    {
        var chart = Render(
            new TimelineWeek(1, "Planned", [new(1, 2, "Planned work", 0, "2 tasks.")]),
            new TimelineWeek(2, "Open", [new(null, null, "Someday", null, "1 task.")]));

        Assert.Single(chart.With("data-block", "scheduled"));
        var chip = Assert.Single(chart.With("data-block", "unscheduled"));
        Assert.Equal("no day yet: Someday (Week 2: Open). 1 task.", chip.TitleText());
        Assert.Contains("No day yet", chart.Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value));
        Assert.Contains("1 block with no day yet", chart.Elements().Single(e => e.Name.LocalName == "desc").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_roadmap_with_no_day_at_all_still_draws()
    {
        var chart = Render(new TimelineWeek(1, "Later", [new(null, null, "Undecided", null, "")]));

        Assert.Single(chart.With("data-block", "unscheduled"));
        Assert.Empty(chart.With("data-block", "scheduled"));
    }

    [Fact]
    public void Titles_and_themes_are_escaped()
    {
        const string markup = "<script>x</script> & \"quotes\"";

        var svg = RoadmapTimelineChart.Render([new TimelineWeek(1, markup, [new(1, 1, markup, 0, markup)])], "test").Value!;

        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        var bar = Assert.Single(XElement.Parse(svg).With("data-block"));
        Assert.Equal($"Day 1: {markup} (Week 1: {markup}). {markup}", bar.TitleText());
    }

    [Fact]
    public void A_long_roadmap_widens_the_chart_instead_of_squeezing_days()
    {
        var weeks = Enumerable.Range(0, 30)
            .Select(w => new TimelineWeek(w + 1, "Theme", [new((w * 5) + 1, (w * 5) + 5, $"Block {w + 1}", w % 4, "")]))
            .ToArray();

        var chart = Render(weeks);

        Assert.True(Number(chart, "width") > 1080);
        Assert.Equal(30, chart.With("data-block").Count);
    }
}
