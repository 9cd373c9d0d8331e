using System.Globalization;

using Microsoft.AspNetCore.Html;

namespace PhaseTracker.Web.Features.Charts;

/// <summary>A roadmap week as the timeline draws it.</summary>
public sealed record TimelineWeek(int Number, string Theme, IReadOnlyList<TimelineBlock> Blocks);

/// <summary>
/// A day block: its days (none for "Unscheduled"), title, the most urgent priority among its items (it
/// colours the bar) and a sentence about its tasks and items for the tooltip.
/// </summary>
public sealed record TimelineBlock(int? StartDay, int? EndDay, string Title, int? Priority, string Details)
{
    /// <summary>"Day 1–2", "Day 3", or "no day yet".</summary>
    public string DayText => StartDay is not { } start ? "no day yet"
        : EndDay is { } end && end != start ? $"Day {start}–{end}"
        : $"Day {start}";
}

/// <summary>
/// The roadmap as a timeline: days across, a row per week (its number and theme on the left), one
/// bar per day block from its first to its last day, labelled inside the bar where the title fits and
/// beside it where not, with rows added inside a week so that labels never overlap. Blocks without a
/// day go into a lane of their own at the bottom, marked "no day yet".
/// </summary>
public static class RoadmapTimelineChart
{
    private const double MinWidth = 1080;
    private const double MaxWidth = 4320;
    private const double PlotLeft = 210;
    private const double RightMargin = 20;
    private const double MinDayWidth = 12;
    private const double HeaderHeight = 58;
    private const double BarHeight = 20;
    private const double LaneHeight = 26;
    private const double MinRowHeight = 46;
    private const double RowPadding = 8;
    private const double LabelFont = 11.5;
    private const double MaxLabelWidth = 280;
    private const double ChipGap = 8;
    private const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
    private static readonly int[] TickSteps = [1, 2, 5, 7, 10, 14, 20, 28, 30, 50, 70, 100, 140, 200, 500, 1000];

    /// <param name="weeks">The weeks to draw, in order.</param>
    /// <param name="id">A prefix for the element ids the chart's accessible name refers to; unique in the page.</param>
    public static HtmlString Render(IReadOnlyList<TimelineWeek> weeks, string id)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var scheduled = weeks.SelectMany(w => w.Blocks).Where(b => b.StartDay is not null).ToList();
        var firstDay = scheduled.Count > 0 ? scheduled.Min(b => b.StartDay!.Value) : 1;
        var lastDay = scheduled.Count > 0 ? scheduled.Max(b => End(b)) : firstDay + 4;
        var days = lastDay - firstDay + 1;
        var width = Math.Clamp(PlotLeft + (days * MinDayWidth) + RightMargin, MinWidth, MaxWidth);
        var plotRight = width - RightMargin;
        var dayWidth = (plotRight - PlotLeft) / days;
        double X(int day) => PlotLeft + ((day - firstDay) * dayWidth);

        // Lay out each week's bars in rows of their own, then the lane of blocks without a day.
        var rows = new List<(TimelineWeek Week, double Top, double Height, List<PlacedBar> Bars, int Lanes)>();
        var y = HeaderHeight;
        foreach (var week in weeks)
        {
            var lanes = new Lanes(maxLanes: int.MaxValue, gap: 4);
            var bars = week.Blocks.Where(b => b.StartDay is not null).OrderBy(b => b.StartDay).ThenBy(End)
                .Select(b => PlaceBar(lanes, b, X(b.StartDay!.Value), X(End(b) + 1), plotRight))
                .ToList();
            var laneCount = Math.Max(lanes.Count, 1);
            var rowHeight = Math.Max(MinRowHeight, (laneCount * LaneHeight) + (2 * RowPadding));
            rows.Add((week, y, rowHeight, bars, laneCount));
            y += rowHeight;
        }

        var plotBottom = y;
        var unscheduled = weeks.SelectMany(w => w.Blocks.Where(b => b.StartDay is null).Select(b => (Week: w, Block: b))).ToList();
        var chips = new List<(TimelineWeek Week, TimelineBlock Block, string Label, double X, double Y, double Width)>();
        double laneTop = 0, laneHeight = 0;
        if (unscheduled.Count > 0)
        {
            laneTop = y + 14;
            var (chipX, chipY) = (PlotLeft, laneTop + RowPadding);
            foreach (var (week, block) in unscheduled)
            {
                var label = ChartText.Fit($"W{week.Number.ToString(CultureInfo.InvariantCulture)} · {block.Title}", LabelFont, MaxLabelWidth);
                var chipWidth = ChartText.Width(label, LabelFont) + 20;
                if (chipX + chipWidth > plotRight && chipX > PlotLeft)
                {
                    (chipX, chipY) = (PlotLeft, chipY + LaneHeight);
                }

                chips.Add((week, block, label, chipX, chipY, chipWidth));
                chipX += chipWidth + ChipGap;
            }

            laneHeight = Math.Max(MinRowHeight, chipY + LaneHeight + RowPadding - laneTop);
            y = laneTop + laneHeight;
        }

        var height = y + 12;
        var svg = new SvgWriter();
        var weekRange = weeks.Count == 0 ? "no weeks"
            : weeks.Count == 1 ? $"week {weeks[0].Number}" : $"weeks {weeks[0].Number}–{weeks[^1].Number}";
        svg.Start("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("class", width > MinWidth ? "chart chart-roadmap chart-wide" : "chart chart-roadmap"), ("width", width), ("height", height),
            ("viewBox", $"0 0 {SvgWriter.Number(width)} {SvgWriter.Number(height)}"), ("role", "img"),
            ("aria-labelledby", $"{id}-title {id}-desc"), ("font-family", FontFamily));
        svg.Text("title", $"Roadmap timeline: {weekRange}" + (scheduled.Count > 0 ? $", days {firstDay}–{lastDay}" : ""), ("id", $"{id}-title"));
        svg.Text("desc", $"{Blocks(scheduled.Count + unscheduled.Count)} in {Count(weeks.Count, "week")}; "
                         + $"{(unscheduled.Count == 0 ? "every block has a day" : $"{Blocks(unscheduled.Count)} with no day yet")}.", ("id", $"{id}-desc"));

        WriteLegend(svg, scheduled.Concat(unscheduled.Select(u => u.Block)).Select(b => b.Priority).ToHashSet());

        // Week bands, alternately shaded, with the week and its theme on the left.
        for (var r = 0; r < rows.Count; r++)
        {
            var (week, top, rowHeight, _, _) = rows[r];
            svg.Element("rect", ("x", 0), ("y", top), ("width", width), ("height", rowHeight), ("fill", r % 2 == 0 ? "#f6f7f9" : "#ffffff"));
            svg.Start("g", ("class", "chart-week"), ("data-week", week.Number));
            svg.Text("text", $"Week {week.Number.ToString(CultureInfo.InvariantCulture)}", ("x", 12), ("y", top + 19), ("font-size", 12.5), ("font-weight", 700), ("fill", "#212529"));
            svg.Text("text", ChartText.Fit(week.Theme, 11, PlotLeft - 24), ("x", 12), ("y", top + 35), ("font-size", 11), ("fill", "#6c757d"));
            svg.End();
        }

        // Day grid and axis.
        var step = TickSteps.FirstOrDefault(s => s * dayWidth >= 30, TickSteps[^1]);
        for (var day = firstDay; day <= lastDay + 1; day++)
        {
            var boundary = (day - firstDay) % step == 0 || day == lastDay + 1;
            if (dayWidth >= 10 || boundary)
            {
                svg.Element("line", ("x1", X(day)), ("y1", HeaderHeight - 6), ("x2", X(day)), ("y2", plotBottom),
                    ("stroke", boundary ? "#ced4da" : "#e9ecef"), ("stroke-width", 1));
            }

            if (day <= lastDay && (day - firstDay) % step == 0)
            {
                svg.Text("text", day.ToString(CultureInfo.InvariantCulture), ("x", X(day) + (dayWidth / 2)), ("y", HeaderHeight - 12),
                    ("text-anchor", "middle"), ("font-size", 11), ("fill", "#495057"));
            }
        }

        svg.Text("text", "Day →", ("x", PlotLeft - 10), ("y", HeaderHeight - 12), ("text-anchor", "end"), ("font-size", 12), ("font-weight", 600), ("fill", "#343a40"));
        svg.Element("line", ("x1", PlotLeft), ("y1", HeaderHeight), ("x2", plotRight), ("y2", HeaderHeight), ("stroke", "#adb5bd"));

        foreach (var (week, top, rowHeight, bars, laneCount) in rows)
        {
            foreach (var bar in bars)
            {
                var laneY = top + ((rowHeight - (laneCount * LaneHeight)) / 2) + (LaneHeight * (bar.Lane + 0.5));
                WriteBar(svg, week, bar, laneY);
            }
        }

        if (chips.Count > 0)
        {
            svg.Element("rect", ("x", 0), ("y", laneTop), ("width", width), ("height", laneHeight), ("fill", "#fff8e6"), ("stroke", "#e0c97a"), ("stroke-dasharray", "4 3"));
            svg.Text("text", "No day yet", ("x", 12), ("y", laneTop + 19), ("font-size", 12.5), ("font-weight", 700), ("fill", "#212529"));
            svg.Text("text", "blocks without a day", ("x", 12), ("y", laneTop + 35), ("font-size", 11), ("fill", "#6c757d"));
            foreach (var (week, block, label, chipX, chipY, chipWidth) in chips)
            {
                svg.Start("g", ("class", "chart-bar"), ("data-block", "unscheduled"));
                svg.Title(Describe(week, block));
                svg.Element("rect", ("x", chipX), ("y", chipY + ((LaneHeight - BarHeight) / 2)), ("width", chipWidth), ("height", BarHeight), ("rx", 10),
                    ("fill", "#ffffff"), ("stroke", PriorityMarks.Colour(block.Priority)), ("stroke-width", 1.5), ("stroke-dasharray", "4 3"));
                svg.Text("text", label, ("x", chipX + 10), ("y", chipY + (LaneHeight / 2) + 4), ("font-size", LabelFont), ("fill", "#212529"));
                svg.End();
            }
        }

        svg.End();
        return svg.ToHtml();
    }

    private static PlacedBar PlaceBar(Lanes lanes, TimelineBlock block, double start, double end, double plotRight)
    {
        var inside = ChartText.Fit(block.Title, LabelFont, Math.Min(MaxLabelWidth, end - start - 14), bold: true);
        if (inside.Length > 0 && !inside.EndsWith(ChartText.Ellipsis, StringComparison.Ordinal))
        {
            // Bars are drawn inset, so a block may start on the day the one before it ends.
            return new PlacedBar(block, start, end, lanes.TryPlace(start + 2, end - 2) ?? 0, inside, LabelPlace.Inside);
        }

        // Beside the bar: to the right where there is room, else to the left.
        var roomRight = plotRight - end - 6;
        var roomLeft = start - PlotLeft - 6;
        var label = ChartText.Fit(block.Title, LabelFont, Math.Min(MaxLabelWidth, Math.Max(roomRight, roomLeft)));
        var width = ChartText.Width(label, LabelFont);
        var place = width <= roomRight || roomRight >= roomLeft ? LabelPlace.Right : LabelPlace.Left;
        var (spanStart, spanEnd) = place == LabelPlace.Right ? (start + 2, end + 6 + width) : (start - 6 - width, end - 2);
        return new PlacedBar(block, start, end, lanes.TryPlace(spanStart, spanEnd) ?? 0, label, place);
    }

    private static void WriteBar(SvgWriter svg, TimelineWeek week, PlacedBar bar, double y)
    {
        var block = bar.Block;
        var colour = PriorityMarks.Colour(block.Priority);
        var days = block.EndDay is { } end && end != block.StartDay ? $"{block.StartDay}-{end}" : $"{block.StartDay}";
        svg.Start("g", ("class", "chart-bar"), ("data-block", "scheduled"), ("data-days", days));
        svg.Title(Describe(week, block));
        var (x, width) = (bar.Start + 1.5, Math.Max(bar.End - bar.Start - 3, 3));
        svg.Element("rect", ("x", x), ("y", y - (BarHeight / 2)), ("width", width), ("height", BarHeight), ("rx", 4),
            ("fill", colour), ("fill-opacity", 0.2), ("stroke", colour), ("stroke-width", 1.5), ("class", "chart-bar-shape"));
        svg.Element("rect", ("x", x), ("y", y - (BarHeight / 2)), ("width", Math.Min(4, width)), ("height", BarHeight), ("fill", colour));
        var (textX, anchor) = bar.Place switch
        {
            LabelPlace.Inside => (x + 9, "start"),
            LabelPlace.Right => (bar.End + 6, "start"),
            _ => (bar.Start - 6, "end"),
        };
        svg.Text("text", bar.Label, ("x", textX), ("y", y + 4), ("text-anchor", anchor), ("font-size", LabelFont),
            ("font-weight", bar.Place == LabelPlace.Inside ? 600 : null), ("fill", "#212529"));
        svg.End();
    }

    private static void WriteLegend(SvgWriter svg, HashSet<int?> priorities)
    {
        svg.Start("g", ("class", "chart-legend"));
        const double y = 16;
        var x = PlotLeft;
        svg.Text("text", "Bar colour: most urgent item", ("x", x), ("y", y + 4), ("font-size", 12), ("font-weight", 600), ("fill", "#343a40"));
        x += ChartText.Width("Bar colour: most urgent item", 12, bold: true) + 14;
        foreach (var priority in PriorityMarks.All.Where(p => p is not null || priorities.Contains(null)))
        {
            var colour = PriorityMarks.Colour(priority);
            svg.Element("rect", ("x", x), ("y", y - 7), ("width", 22), ("height", 14), ("rx", 3), ("fill", colour), ("fill-opacity", 0.2), ("stroke", colour), ("stroke-width", 1.5));
            var name = priority is null ? "no linked item" : PriorityMarks.Name(priority);
            svg.Text("text", name, ("x", x + 28), ("y", y + 4), ("font-size", 12), ("fill", "#343a40"));
            x += 28 + ChartText.Width(name, 12) + 16;
        }

        svg.End();
    }

    private static string Describe(TimelineWeek week, TimelineBlock block) =>
        $"{block.DayText}: {ChartText.Collapse(block.Title)} (Week {week.Number}: {ChartText.Collapse(week.Theme)}). {block.Details}".TrimEnd();

    private static int End(TimelineBlock block) => Math.Max(block.EndDay ?? block.StartDay ?? 0, block.StartDay ?? 0);

    private static string Blocks(int count) => Count(count, "block");

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s";

    private enum LabelPlace
    {
        Inside,
        Right,
        Left,
    }

    private sealed record PlacedBar(TimelineBlock Block, double Start, double End, int Lane, string Label, LabelPlace Place);
}
