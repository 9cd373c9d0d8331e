using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>
/// The diagrams GitHub draws from fenced <c>mermaid</c> blocks: a <c>gantt</c> of the roadmap (one bar per
/// day block, one section per week) and a <c>quadrantChart</c> of the matrix (one point per item, impact
/// against effort). Each block is written after the <see cref="Marker"/> comment, which tells the reader
/// that the block is generated (and rewritten from the data on export) rather than written by the team.
/// </summary>
public static partial class MermaidDiagrams
{
    /// <summary>The comment line before every generated block.</summary>
    public const string Marker = "<!-- phasetracker:generated -->";

    /// <summary>The layout's name for the roadmap's gantt (<see cref="Domain.SegmentKind.Diagram"/>).</summary>
    public const string GanttKey = "gantt";

    /// <summary>The layout's name for the matrix's quadrant chart.</summary>
    public const string QuadrantKey = "quadrant";

    /// <summary>The diagram a layout segment names, drawn from the phase as it is now; null for a name it does not know.</summary>
    public static string? Write(string? key, Phase phase, string newLine = "\n") => key switch
    {
        GanttKey => Gantt(phase, newLine),
        QuadrantKey => QuadrantChart(phase, newLine),
        _ => null,
    };

    /// <summary>
    /// Which generated diagram a mermaid block's content is, by its first word (<c>gantt</c>,
    /// <c>quadrantChart</c>); null for any other kind, which the reader then keeps as the team's text.
    /// </summary>
    public static string? KeyOf(string content)
    {
        var first = content.TrimStart().Split(['\n', '\r', ' ', '\t'], 2)[0];
        return first switch
        {
            "gantt" => GanttKey,
            "quadrantChart" => QuadrantKey,
            _ => null,
        };
    }

    /// <summary>The roadmap's day blocks as bars; blocks without a day yet are listed as comments.</summary>
    public static string Gantt(Phase phase, string newLine = "\n")
    {
        ArgumentNullException.ThrowIfNull(phase);
        var lines = new List<string>
        {
            "gantt",
            $"    title {Text(PhaseName(phase))} roadmap",
            // Day n of the phase is the n-th day counted from the epoch: the axis shows day numbers.
            "    dateFormat X",
            "    axisFormat Day %e",
        };
        foreach (var week in phase.RoadmapWeeks.OrderBy(w => w.Number))
        {
            lines.Add($"    section {Text($"Week {week.Number.ToString(CultureInfo.InvariantCulture)} {week.Theme}")}");
            foreach (var block in week.Blocks)
            {
                if (block.StartDay is not { } start || start < 1)
                {
                    lines.Add($"    %% no day yet: {Text(block.Title)}");
                    continue;
                }

                var end = block.EndDay is { } last && last >= start ? last : start;
                var seconds = (start - 1) * 86_400L;
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"    {Text(block.Title)} : {seconds}, {end - start + 1}d"));
            }
        }

        return Block(lines, newLine);
    }

    /// <summary>
    /// Impact (up) against effort (right), one point per item, in the quadrants the matrix page names:
    /// quick wins (high impact, low effort), big bets, fill-ins and money pits. Effort is placed on a
    /// scale up to the largest item's; an item without effort or impact sits in the middle of that axis.
    /// </summary>
    public static string QuadrantChart(Phase phase, string newLine = "\n")
    {
        ArgumentNullException.ThrowIfNull(phase);
        var lines = new List<string>
        {
            "quadrantChart",
            $"    title {Text(PhaseName(phase))} priority matrix",
            "    x-axis Low effort --> High effort",
            "    y-axis Low impact --> High impact",
            "    quadrant-1 Big bets",
            "    quadrant-2 Quick wins",
            "    quadrant-3 Fill-ins",
            "    quadrant-4 Money pits",
        };
        var items = phase.Items.OrderBy(i => i.Number).ToList();
        var maxEffort = items.Max(i => i.EffortHours) ?? 0;
        foreach (var item in items)
        {
            var x = item.EffortHours is { } hours && maxEffort > 0 ? 0.05 + (0.9 * Math.Min(hours, maxEffort) / maxEffort) : 0.5;
            var y = Impact(item.Impact);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"    {Text($"{item.Number}. {item.Title}")}: [{x:0.00}, {y:0.00}]"));
        }

        return Block(lines, newLine);
    }

    private static double Impact(string? impact) => impact?.Trim().ToUpperInvariant() switch
    {
        "CRITICAL" or "VERY HIGH" => 0.9,
        "HIGH" => 0.7,
        "MEDIUM" or "MED" or "MODERATE" => 0.35,
        "LOW" => 0.15,
        _ => 0.5,
    };

    private static string Block(List<string> lines, string newLine) =>
        Marker + newLine + "```mermaid" + newLine + string.Join(newLine, lines) + newLine + "```" + newLine;

    private static string PhaseName(Phase phase) => $"Phase {phase.Number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Text Mermaid takes as a name: no characters its grammars treat as syntax (":" ends a gantt task's
    /// name, "#" and ";" start entities and comments, brackets and quotes open shapes), no emoji.
    /// </summary>
    internal static string Text(string text)
    {
        var cleaned = Unsafe().Replace(text.ReplaceLineEndings(" "), " ");
        cleaned = Spaces().Replace(cleaned, " ").Trim();
        return cleaned.Length == 0 ? "untitled" : cleaned.Length > 80 ? cleaned[..80].TrimEnd() : cleaned;
    }

    [GeneratedRegex(@"[^\p{L}\p{N} .,&/+()'\-]")]
    private static partial Regex Unsafe();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
