using System.Globalization;

using Microsoft.AspNetCore.Html;

namespace PhaseTracker.Web.Features.Charts;

/// <summary>An item as the priority matrix chart draws it: its label, priority, effort and impact as stored.</summary>
public sealed record MatrixChartItem(string Label, int? Priority, double? EffortHours, string? Impact);

/// <summary>How many items share an impact, an effort and a priority: what the chart counts past <see cref="PriorityMatrixChart.MaxMarks"/> items.</summary>
public sealed record MatrixChartGroup(string? Impact, double? EffortHours, int? Priority, int Count);

/// <summary>
/// The priority matrix as a chart: impact (ordinal bands, top to bottom) against effort (hours,
/// square-root scale), one mark per item with its label, in the four quadrants a team reads it by.
/// Impact the document does not give gets a band of its own below, effort it does not give a column
/// of its own on the right. Past <see cref="MaxMarks"/> items one mark each stops being readable, so
/// <see cref="Counts"/> draws a grid of impact × effort buckets with the number of items in each.
/// </summary>
public static class PriorityMatrixChart
{
    public const int MaxMarks = 300;

    private const double Width = 1080;
    private const double PlotLeft = 112;
    private const double RightMargin = 20;
    private const double SideColumnGap = 16;
    private const double LegendHeight = 34;
    private const double StripHeight = 26;
    private const double UnknownGap = 12;
    private const double AxisHeight = 50;
    private const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    // One mark per item.
    private const double NoEstimateWidth = 150;
    private const double MarkSize = 6;
    private const double LaneHeight = 19;
    private const double BandPadding = 8;
    private const double MinBandHeight = 54;
    private const double LabelFont = 11;
    private const double MaxLabelWidth = 150;
    private const int MaxLanes = 14;
    private const int MaxDenseLanes = 20;
    private const double MarkRadius = MarkSize + 1;

    // Counts per cell.
    private const double CountRowHeight = 62;
    private const double NoEstimateCountWidth = 110;

    private static readonly double[] BucketEdges = [0, 1, 2, 4, 8, 16, 40, 80, 160, double.PositiveInfinity];
    private static readonly string[] CountShades = ["#eef1f5", "#d5dce6", "#b4c0d0", "#8d9db5", "#64799a", "#3f5577"];

    private static readonly Quadrant[] Quadrants =
    [
        new("Quick wins", "high impact, low effort", High: true, LowEffort: true, "#e7f4ea", "#1e6b34"),
        new("Big bets", "high impact, high effort", High: true, LowEffort: false, "#e6f0fa", "#1d5a96"),
        new("Fill-ins", "low impact, low effort", High: false, LowEffort: true, "#f1f2f4", "#495057"),
        new("Money pits", "low impact, high effort", High: false, LowEffort: false, "#fbebe9", "#a23a2e"),
    ];

    /// <summary>One mark per item, labelled, coloured and shaped by priority.</summary>
    /// <param name="items">The items to draw (at most <see cref="MaxMarks"/> are meant to be drawn this way).</param>
    /// <param name="id">A prefix for the element ids the chart's accessible name refers to; unique in the page.</param>
    public static HtmlString Marks(IReadOnlyList<MatrixChartItem> items, string id)
    {
        ArgumentNullException.ThrowIfNull(items);
        var points = items.Select(i => new Point(
            ChartText.Collapse(i.Label), PriorityMarks.Normalize(i.Priority), i.EffortHours is { } h && double.IsFinite(h) && h >= 0 ? h : null, ImpactLevels.Parse(i.Impact))).ToList();
        var hasUnknown = points.Exists(p => p.Level == ImpactLevel.Unknown);
        var hasNoEstimate = points.Exists(p => p.Hours is null);
        var plotRight = Width - RightMargin - (hasNoEstimate ? NoEstimateWidth + SideColumnGap : 0);
        var scale = new EffortScale(points.Max(p => p.Hours) ?? 0, PlotLeft, plotRight);
        var side = (Left: plotRight + SideColumnGap, Right: plotRight + SideColumnGap + NoEstimateWidth);

        // Place every mark and its label in the rows of its band, then size the bands to their rows.
        var placed = new List<PlacedMark>(points.Count);
        var laneCounts = new Dictionary<ImpactLevel, int>();
        foreach (var level in ImpactLevels.Descending.Append(ImpactLevel.Unknown))
        {
            var band = points.Where(p => p.Level == level)
                .OrderBy(p => p.Hours is null).ThenBy(p => p.Hours).ThenBy(p => p.Priority ?? 9).ThenBy(p => p.Label, StringComparer.Ordinal)
                .Select(p => p.Hours is { } hours
                    ? new Slot(p, scale.X(hours), PlotLeft, plotRight)
                    : new Slot(p, side.Left + 12, side.Left, side.Right))
                .ToList();
            var (marks, lanes) = PlaceSparse(band) ?? PlaceDense(band);
            placed.AddRange(marks);
            laneCounts[level] = Math.Max(lanes, 1);
        }

        var bands = new Dictionary<ImpactLevel, (double Top, double Height)>();
        var y = LegendHeight + StripHeight;
        foreach (var level in ImpactLevels.Descending)
        {
            var height = Math.Max(MinBandHeight, (laneCounts[level] * LaneHeight) + (2 * BandPadding));
            bands[level] = (y, height);
            y += height;
        }

        var bottomStrip = y;
        y += StripHeight;
        if (hasUnknown)
        {
            y += UnknownGap;
            var height = Math.Max(MinBandHeight, (laneCounts[ImpactLevel.Unknown] * LaneHeight) + (2 * BandPadding));
            bands[ImpactLevel.Unknown] = (y, height);
            y += height;
        }

        var axisY = y;
        var frame = new Frame(bands, PlotLeft, plotRight, scale.MidX, bottomStrip, axisY, axisY + AxisHeight);

        var svg = new SvgWriter();
        OpenSvg(svg, frame, id, $"Priority matrix: impact against effort, {Count(points.Count, "item")}",
            Describe(points.Select(p => (p.Level, p.Hours, 1)), scale.MidHours));
        WriteQuadrants(svg, frame);
        if (hasNoEstimate)
        {
            WriteSideColumn(svg, frame, side.Left, side.Right, "no estimate");
        }

        // Gridlines at the ticks, white over the tinted quadrants.
        var ticks = scale.Ticks();
        foreach (var tick in ticks.Where(t => t > 0))
        {
            foreach (var (top, bottom) in frame.PlotSpans())
            {
                svg.Element("line", ("x1", scale.X(tick)), ("y1", top), ("x2", scale.X(tick)), ("y2", bottom), ("stroke", "#ffffff"), ("stroke-width", 1.5));
            }
        }

        WriteDividers(svg, frame);
        WriteBandLabels(svg, frame);

        svg.Element("line", ("x1", PlotLeft), ("y1", axisY), ("x2", plotRight), ("y2", axisY), ("stroke", "#6c757d"));
        foreach (var tick in ticks)
        {
            var x = scale.X(tick);
            svg.Element("line", ("x1", x), ("y1", axisY), ("x2", x), ("y2", axisY + 5), ("stroke", "#6c757d"));
            svg.Text("text", Hours(tick), ("x", x), ("y", axisY + 18), ("text-anchor", "middle"), ("font-size", 11), ("fill", "#495057"));
        }

        svg.Text("text", "Effort in hours (square-root scale) →", ("x", (PlotLeft + plotRight) / 2), ("y", axisY + 40),
            ("text-anchor", "middle"), ("font-size", 12), ("fill", "#343a40"));

        WritePriorityLegend(svg, "Priority", points.GroupBy(p => p.Priority).ToDictionary(g => g.Key ?? -1, g => g.Count()));

        // Labels take their size and colour from the group (a chart of 300 marks stays lighter), and
        // their white halo from the chart-label class in site.css. The most urgent marks are drawn last, on top.
        svg.Start("g", ("class", "chart-marks"), ("font-size", LabelFont), ("fill", "#212529"));
        foreach (var mark in placed.OrderByDescending(m => m.Point.Priority ?? 9))
        {
            var (top, height) = bands[mark.Point.Level];
            var lanes = laneCounts[mark.Point.Level];
            var laneY = top + ((height - (lanes * LaneHeight)) / 2) + (LaneHeight * (mark.Lane + 0.5));
            WriteMark(svg, mark, laneY);
        }

        svg.End();
        svg.End();
        return svg.ToHtml();
    }

    /// <summary>A grid of impact × effort buckets with the number of items in each and a bar of their priorities.</summary>
    /// <param name="groups">Items grouped by impact, effort and priority (the database counts them).</param>
    /// <param name="id">A prefix for the element ids the chart's accessible name refers to; unique in the page.</param>
    public static HtmlString Counts(IReadOnlyList<MatrixChartGroup> groups, string id)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var cells = groups.Where(g => g.Count > 0)
            .Select(g => (Level: ImpactLevels.Parse(g.Impact), Hours: g.EffortHours is { } h && double.IsFinite(h) && h >= 0 ? h : (double?)null,
                Priority: PriorityMarks.Normalize(g.Priority), g.Count))
            .ToList();
        var total = cells.Sum(c => c.Count);
        var hasUnknown = cells.Exists(c => c.Level == ImpactLevel.Unknown);
        var hasNoEstimate = cells.Exists(c => c.Hours is null);
        var largest = cells.Max(c => c.Hours) ?? 0;
        var columns = Math.Max(Bucket(largest) + 1, 2);
        var plotRight = Width - RightMargin - (hasNoEstimate ? NoEstimateCountWidth + SideColumnGap : 0);
        var columnWidth = (plotRight - PlotLeft) / columns;

        // Low effort ends at the bucket edge nearest to where the marks chart would split.
        var midHours = new EffortScale(largest, 0, 1).MidHours;
        var split = Math.Clamp(Enumerable.Range(1, columns).Count(c => BucketEdges[c] <= midHours), 1, columns - 1);

        var bands = new Dictionary<ImpactLevel, (double Top, double Height)>();
        var y = LegendHeight + StripHeight;
        foreach (var level in ImpactLevels.Descending)
        {
            bands[level] = (y, CountRowHeight);
            y += CountRowHeight;
        }

        var bottomStrip = y;
        y += StripHeight;
        if (hasUnknown)
        {
            y += UnknownGap;
            bands[ImpactLevel.Unknown] = (y, CountRowHeight);
            y += CountRowHeight;
        }

        var axisY = y;
        var frame = new Frame(bands, PlotLeft, plotRight, PlotLeft + (split * columnWidth), bottomStrip, axisY, axisY + AxisHeight);
        var side = (Left: plotRight + SideColumnGap, Right: plotRight + SideColumnGap + NoEstimateCountWidth);

        var svg = new SvgWriter();
        OpenSvg(svg, frame, id, $"Priority matrix: impact against effort, {Count(total, "item")} counted per cell",
            Describe(cells.Select(c => (c.Level, c.Hours, c.Count)), midHours));
        WriteQuadrants(svg, frame);
        if (hasNoEstimate)
        {
            WriteSideColumn(svg, frame, side.Left, side.Right, "no estimate");
        }

        WriteDividers(svg, frame);
        WriteBandLabels(svg, frame);

        var byCell = cells.GroupBy(c => (c.Level, Column: c.Hours is { } h ? Bucket(h) : -1))
            .ToDictionary(g => g.Key, g => g.GroupBy(c => c.Priority).ToDictionary(p => p.Key ?? -1, p => p.Sum(c => c.Count)));
        var most = byCell.Count == 0 ? 1 : byCell.Values.Max(p => p.Values.Sum());
        foreach (var (level, (top, height)) in bands)
        {
            for (var column = hasNoEstimate ? -1 : 0; column < columns; column++)
            {
                var (left, width) = column < 0 ? (side.Left, NoEstimateCountWidth) : (PlotLeft + (column * columnWidth), columnWidth);
                var priorities = byCell.GetValueOrDefault((level, column)) ?? [];
                WriteCountCell(svg, level, column < 0 ? "no estimate" : BucketName(column), priorities, most, left, top, width, height);
            }
        }

        svg.Element("line", ("x1", PlotLeft), ("y1", axisY), ("x2", plotRight), ("y2", axisY), ("stroke", "#6c757d"));
        for (var column = 0; column < columns; column++)
        {
            svg.Text("text", BucketName(column), ("x", PlotLeft + ((column + 0.5) * columnWidth)), ("y", axisY + 18),
                ("text-anchor", "middle"), ("font-size", 11), ("fill", "#495057"));
        }

        svg.Text("text", "Effort in hours, grouped →", ("x", (PlotLeft + plotRight) / 2), ("y", axisY + 40),
            ("text-anchor", "middle"), ("font-size", 12), ("fill", "#343a40"));
        WriteCountLegend(svg, most, cells.Exists(c => c.Priority is null));
        svg.End();
        return svg.ToHtml();
    }

    /// <summary>
    /// A sparse band: each mark with its label goes into the first row where both are free, a mark
    /// whose label finds no room goes alone. Null when even a mark alone finds no row: the band is dense.
    /// </summary>
    private static (List<PlacedMark> Marks, int Lanes)? PlaceSparse(List<Slot> band)
    {
        var lanes = new Lanes(MaxLanes, gap: 6);
        var marks = new List<PlacedMark>(band.Count);
        foreach (var slot in band)
        {
            var (label, right, start, end) = Label(slot, slot.X);
            if (label.Length > 0 && lanes.TryPlace(start, end) is { } lane)
            {
                marks.Add(new PlacedMark(slot.Point, slot.X, lane, label, right));
            }
            else if (lanes.TryPlace(slot.X - MarkRadius, slot.X + MarkRadius) is { } alone)
            {
                marks.Add(new PlacedMark(slot.Point, slot.X, alone, null, true));
            }
            else
            {
                return null;
            }
        }

        return (marks, lanes.Count);
    }

    /// <summary>
    /// A dense band: marks first, stacked where they share a position (and, past the last row, set
    /// beside each other as in a beeswarm); then labels wherever they do not cover a mark or another
    /// label, the most urgent items first. Marks without a label keep their name in their title.
    /// </summary>
    private static (List<PlacedMark> Marks, int Lanes) PlaceDense(List<Slot> band)
    {
        var lanes = new Lanes(MaxDenseLanes, gap: 2);
        var positions = new List<(Slot Slot, double X, int Lane)>(band.Count);
        foreach (var slot in band)
        {
            positions.Add(PlaceMarkAlone(lanes, slot));
        }

        var marks = new List<PlacedMark>(band.Count);
        foreach (var (slot, x, lane) in positions.OrderBy(p => p.Slot.Point.Priority ?? 9).ThenBy(p => p.X))
        {
            var (label, right, start, end) = Label(slot, x);
            var (labelStart, labelEnd) = right ? (x + MarkRadius + 3, end) : (start, x - MarkRadius - 3);
            marks.Add(label.Length > 0 && lanes.TryAdd(lane, labelStart, labelEnd)
                ? new PlacedMark(slot.Point, x, lane, label, right)
                : new PlacedMark(slot.Point, x, lane, null, true));
        }

        return (marks, lanes.Count);
    }

    private static (Slot Slot, double X, int Lane) PlaceMarkAlone(Lanes lanes, Slot slot)
    {
        const double step = (2 * MarkRadius) + 1;
        for (var k = 0; k <= 8; k++)
        {
            var x = slot.X + ((k % 2 == 1 ? 1 : -1) * ((k + 1) / 2) * step);
            if (x >= slot.Left + MarkRadius && x <= slot.Right - MarkRadius && lanes.TryPlace(x - MarkRadius, x + MarkRadius) is { } lane)
            {
                return (slot, x, lane);
            }
        }

        return (slot, slot.X, lanes.Force(slot.X - MarkRadius, slot.X + MarkRadius));
    }

    /// <summary>The label of a mark at <paramref name="x"/>, fitted to the room on its better side, and the span mark and label cover.</summary>
    private static (string Text, bool Right, double Start, double End) Label(Slot slot, double x)
    {
        var roomRight = slot.Right - (x + MarkRadius + 4);
        var roomLeft = x - MarkRadius - 4 - slot.Left;
        var label = ChartText.Fit(slot.Point.Label, LabelFont, Math.Min(MaxLabelWidth, Math.Max(roomRight, roomLeft)));
        var width = ChartText.Width(label, LabelFont);
        var right = width <= roomRight || roomRight >= roomLeft;
        return right
            ? (label, true, x - MarkRadius, x + MarkRadius + 4 + width)
            : (label, false, x - MarkRadius - 4 - width, x + MarkRadius);
    }

    private static void WriteMark(SvgWriter svg, PlacedMark mark, double y)
    {
        var point = mark.Point;
        svg.Start("g", ("class", "chart-mark"), ("data-mark", "item"), ("data-priority", PriorityMarks.Name(point.Priority)), ("data-impact", point.Level.Name()));
        svg.Title($"{(point.Label.Length > 0 ? point.Label : "(no label)")}: {PriorityMarks.Name(point.Priority)}, "
                  + $"{(point.Hours is { } h ? Effort.FormatHours(h) : "no estimate")}, "
                  + (point.Level == ImpactLevel.Unknown ? "impact unknown" : $"{point.Level} impact"));
        PriorityMarks.Write(svg, point.Priority, mark.X, y, MarkSize, "chart-mark-shape");
        if (mark.Label is { } label)
        {
            const double offset = MarkSize + 5;
            svg.Text("text", label, ("x", mark.LabelRight ? mark.X + offset : mark.X - offset), ("y", y + 4),
                ("text-anchor", mark.LabelRight ? null : "end"), ("class", "chart-label"));
        }

        svg.End();
    }

    private static void WriteCountCell(SvgWriter svg, ImpactLevel level, string bucket, Dictionary<int, int> priorities, int most,
        double left, double top, double width, double height)
    {
        var count = priorities.Values.Sum();
        var (x, y, w, h) = (left + 3, top + 3, width - 6, height - 6);
        var shade = count == 0 ? -1 : Math.Min(CountShades.Length - 1, (int)Math.Ceiling((double)count / most * CountShades.Length) - 1);
        var levelText = level == ImpactLevel.Unknown ? "Unknown impact" : $"{level} impact";
        var mix = string.Join(", ", PriorityMarks.All.Where(p => priorities.ContainsKey(p ?? -1)).Select(p => $"{PriorityMarks.Name(p)}: {priorities[p ?? -1]}"));
        svg.Start("g", ("class", "chart-cell"), ("data-cell", $"{level.Name()}|{bucket}"), ("data-count", count));
        svg.Title(count == 0 ? $"{levelText}, {bucket}: no items" : $"{levelText}, {bucket}: {Count(count, "item")} ({mix})");
        svg.Element("rect", ("x", x), ("y", y), ("width", w), ("height", h), ("rx", 4),
            ("fill", shade < 0 ? "#ffffff" : CountShades[shade]), ("fill-opacity", shade < 0 ? 0.55 : 1), ("stroke", "#ffffff"));
        if (count > 0)
        {
            svg.Text("text", count.ToString(CultureInfo.InvariantCulture), ("x", x + (w / 2)), ("y", y + (h / 2) + 2),
                ("text-anchor", "middle"), ("font-size", 17), ("font-weight", 600), ("fill", shade >= 3 ? "#ffffff" : "#212529"));

            // The priority mix as a bar, P0 first, on a white track so it reads on any shade.
            var (barX, barY, barWidth) = (x + 8, y + h - 12, w - 16);
            svg.Element("rect", ("x", barX - 1), ("y", barY - 1), ("width", barWidth + 2), ("height", 7), ("rx", 1.5), ("fill", "#ffffff"));
            foreach (var priority in PriorityMarks.All)
            {
                if (priorities.GetValueOrDefault(priority ?? -1) is var n and > 0)
                {
                    var segment = barWidth * n / count;
                    svg.Element("rect", ("x", barX), ("y", barY), ("width", segment), ("height", 5), ("fill", PriorityMarks.Colour(priority)));
                    barX += segment;
                }
            }
        }

        svg.End();
    }

    private static void OpenSvg(SvgWriter svg, Frame frame, string id, string title, string description)
    {
        svg.Start("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart chart-matrix"), ("width", Width), ("height", frame.Height),
            ("viewBox", $"0 0 {SvgWriter.Number(Width)} {SvgWriter.Number(frame.Height)}"), ("role", "img"),
            ("aria-labelledby", $"{id}-title {id}-desc"), ("font-family", FontFamily));
        svg.Text("title", title, ("id", $"{id}-title"));
        svg.Text("desc", description, ("id", $"{id}-desc"));
    }

    private static void WriteQuadrants(SvgWriter svg, Frame frame)
    {
        var highTop = frame.Bands[ImpactLevel.Critical].Top;
        var lowTop = frame.Bands[ImpactLevel.Medium].Top;
        foreach (var quadrant in Quadrants)
        {
            var (left, right) = quadrant.LowEffort ? (frame.Left, frame.MidX) : (frame.MidX, frame.Right);
            var (top, bottom) = quadrant.High ? (highTop, lowTop) : (lowTop, frame.BottomStrip);
            svg.Element("rect", ("x", left), ("y", top), ("width", right - left), ("height", bottom - top), ("fill", quadrant.Tint));

            // The name sits in the strip above (high impact) or below (low impact) the quadrant.
            var nameY = quadrant.High ? highTop - 9 : frame.BottomStrip + 17;
            svg.Start("text", ("x", (left + right) / 2), ("y", nameY), ("text-anchor", "middle"), ("class", "chart-quadrant"));
            svg.Text("tspan", quadrant.Name, ("font-size", 13), ("font-weight", 700), ("fill", quadrant.Ink));
            svg.Text("tspan", $" · {quadrant.Meaning}", ("font-size", 11), ("fill", "#6c757d"));
            svg.End();
        }

        if (frame.Bands.TryGetValue(ImpactLevel.Unknown, out var unknown))
        {
            svg.Element("rect", ("x", frame.Left), ("y", unknown.Top), ("width", frame.Right - frame.Left), ("height", unknown.Height),
                ("fill", "#f4f4f5"), ("stroke", "#adb5bd"), ("stroke-dasharray", "4 3"));
        }
    }

    private static void WriteSideColumn(SvgWriter svg, Frame frame, double left, double right, string name)
    {
        var top = frame.Bands[ImpactLevel.Critical].Top;
        svg.Element("rect", ("x", left), ("y", top), ("width", right - left), ("height", frame.AxisY - top),
            ("fill", "#f8f9fa"), ("stroke", "#adb5bd"), ("stroke-dasharray", "4 3"));
        svg.Text("text", name, ("x", (left + right) / 2), ("y", frame.AxisY + 18), ("text-anchor", "middle"), ("font-size", 11),
            ("font-style", "italic"), ("fill", "#495057"));
    }

    private static void WriteDividers(SvgWriter svg, Frame frame)
    {
        var highTop = frame.Bands[ImpactLevel.Critical].Top;
        foreach (var level in ImpactLevels.Descending.Skip(1))
        {
            var top = frame.Bands[level].Top;
            var quadrantLine = level == ImpactLevel.Medium;
            svg.Element("line", ("x1", frame.Left), ("y1", top), ("x2", frame.Right), ("y2", top),
                ("stroke", quadrantLine ? "#6c757d" : "#ffffff"), ("stroke-width", quadrantLine ? 1.2 : 2),
                ("stroke-dasharray", quadrantLine ? "6 4" : null));
        }

        svg.Element("line", ("x1", frame.MidX), ("y1", highTop), ("x2", frame.MidX), ("y2", frame.BottomStrip),
            ("stroke", "#6c757d"), ("stroke-width", 1.2), ("stroke-dasharray", "6 4"));
    }

    private static void WriteBandLabels(SvgWriter svg, Frame frame)
    {
        foreach (var (level, (top, height)) in frame.Bands)
        {
            svg.Text("text", level.Name(), ("x", frame.Left - 10), ("y", top + (height / 2) + 4), ("text-anchor", "end"),
                ("font-size", 12), ("font-weight", level == ImpactLevel.Unknown ? null : 600),
                ("font-style", level == ImpactLevel.Unknown ? "italic" : null), ("fill", "#343a40"));
        }

        var middle = (frame.Bands[ImpactLevel.Critical].Top + frame.BottomStrip) / 2;
        svg.Text("text", "Impact →", ("x", 0), ("y", 0), ("transform", $"translate(22 {SvgWriter.Number(middle)}) rotate(-90)"),
            ("text-anchor", "middle"), ("font-size", 12), ("fill", "#343a40"));
    }

    private static void WritePriorityLegend(SvgWriter svg, string heading, Dictionary<int, int> counts)
    {
        svg.Start("g", ("class", "chart-legend"));
        var x = PlotLeft;
        const double y = 18;
        svg.Text("text", heading, ("x", x), ("y", y + 4), ("font-size", 12), ("font-weight", 600), ("fill", "#343a40"));
        x += ChartText.Width(heading, 12, bold: true) + 14;
        foreach (var priority in PriorityMarks.All)
        {
            var count = counts.GetValueOrDefault(priority ?? -1);
            if (priority is null && count == 0)
            {
                continue;
            }

            PriorityMarks.Write(svg, priority, x + 6, y, MarkSize);
            var text = $"{PriorityMarks.Name(priority)} ({count})";
            svg.Text("text", text, ("x", x + 16), ("y", y + 4), ("font-size", 12), ("fill", "#343a40"));
            x += 16 + ChartText.Width(text, 12) + 18;
        }

        svg.End();
    }

    private static void WriteCountLegend(SvgWriter svg, int most, bool withoutPriority)
    {
        svg.Start("g", ("class", "chart-legend"));
        var x = PlotLeft;
        const double y = 18;
        svg.Text("text", "Items per cell", ("x", x), ("y", y + 4), ("font-size", 12), ("font-weight", 600), ("fill", "#343a40"));
        x += ChartText.Width("Items per cell", 12, bold: true) + 12;
        svg.Text("text", "1", ("x", x), ("y", y + 4), ("font-size", 11), ("fill", "#495057"));
        x += 12;
        foreach (var shade in CountShades)
        {
            svg.Element("rect", ("x", x), ("y", y - 7), ("width", 20), ("height", 14), ("fill", shade), ("stroke", "#ced4da"));
            x += 20;
        }

        var mostText = most.ToString(CultureInfo.InvariantCulture);
        svg.Text("text", mostText, ("x", x + 5), ("y", y + 4), ("font-size", 11), ("fill", "#495057"));
        x += ChartText.Width(mostText, 11) + 32;

        svg.Text("text", "Bar: priority mix", ("x", x), ("y", y + 4), ("font-size", 12), ("font-weight", 600), ("fill", "#343a40"));
        x += ChartText.Width("Bar: priority mix", 12, bold: true) + 12;
        foreach (var priority in PriorityMarks.All.Where(p => p is not null || withoutPriority))
        {
            svg.Element("rect", ("x", x), ("y", y - 5), ("width", 16), ("height", 10), ("fill", PriorityMarks.Colour(priority)));
            var name = PriorityMarks.Name(priority);
            svg.Text("text", name, ("x", x + 20), ("y", y + 4), ("font-size", 12), ("fill", "#343a40"));
            x += 20 + ChartText.Width(name, 12) + 14;
        }

        svg.End();
    }

    /// <summary>What the chart shows, in words: the accessible description.</summary>
    private static string Describe(IEnumerable<(ImpactLevel Level, double? Hours, int Count)> points, double midHours)
    {
        var list = points.ToList();
        var parts = Quadrants.Select(q =>
        {
            var count = list.Where(p => p.Level != ImpactLevel.Unknown && p.Hours is { } h && p.Level.IsHigh() == q.High && (h <= midHours) == q.LowEffort).Sum(p => p.Count);
            return $"{q.Name} ({q.Meaning}): {count}";
        }).ToList();
        var unknown = list.Where(p => p.Level == ImpactLevel.Unknown).Sum(p => p.Count);
        var noEstimate = list.Where(p => p.Hours is null).Sum(p => p.Count);
        if (unknown > 0)
        {
            parts.Add($"impact unknown: {unknown}");
        }

        if (noEstimate > 0)
        {
            parts.Add($"no estimate: {noEstimate}");
        }

        return $"Low effort is up to {Hours(midHours)} hours. " + string.Join("; ", parts) + ".";
    }

    private static int Bucket(double hours)
    {
        for (var i = 1; i < BucketEdges.Length; i++)
        {
            if (hours <= BucketEdges[i])
            {
                return i - 1;
            }
        }

        return BucketEdges.Length - 2;
    }

    private static string BucketName(int bucket) => bucket switch
    {
        0 => "≤ 1 h",
        _ when double.IsPositiveInfinity(BucketEdges[bucket + 1]) => $"> {Hours(BucketEdges[bucket])} h",
        _ => $"{Hours(BucketEdges[bucket])}–{Hours(BucketEdges[bucket + 1])} h",
    };

    private static string Hours(double hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s";

    private sealed record Point(string Label, int? Priority, double? Hours, ImpactLevel Level);

    private sealed record PlacedMark(Point Point, double X, int Lane, string? Label, bool LabelRight);

    /// <summary>Where a mark belongs across, and the region (plot or "no estimate" column) it must stay in.</summary>
    private sealed record Slot(Point Point, double X, double Left, double Right);

    private sealed record Quadrant(string Name, string Meaning, bool High, bool LowEffort, string Tint, string Ink);

    /// <summary>Where the bands, the quadrant split and the axis are.</summary>
    private sealed record Frame(
        Dictionary<ImpactLevel, (double Top, double Height)> Bands, double Left, double Right, double MidX, double BottomStrip, double AxisY, double Height)
    {
        /// <summary>The vertical stretches the plot covers: the four impact bands, and the unknown band apart.</summary>
        public IEnumerable<(double Top, double Bottom)> PlotSpans()
        {
            yield return (Bands[ImpactLevel.Critical].Top, BottomStrip);
            if (Bands.TryGetValue(ImpactLevel.Unknown, out var unknown))
            {
                yield return (unknown.Top, unknown.Top + unknown.Height);
            }
        }
    }
}
