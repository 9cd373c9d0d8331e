using System.Text.RegularExpressions;
using PhaseTracker.Domain;
using PhaseTracker.Tracking;

namespace PhaseTracker.Tests.Tracking;

/// <summary>The Mermaid blocks GitHub draws: valid for Mermaid's own parser, one bar per day block, one point per item.</summary>
public sealed partial class MermaidDiagramsTests
{
    private static Phase SeedPhase() => Documents.Read(Documents.Seed()).Phase!;

    private static string Body(string block)
    {
        var lines = block.Split('\n');
        Assert.Equal(MermaidDiagrams.Marker, lines[0]);
        Assert.Equal("```mermaid", lines[1]);
        Assert.Equal("```", lines[^2]);
        Assert.Equal("", lines[^1]);
        return string.Join('\n', lines[2..^2]) + "\n";
    }

    [Fact]
    public void The_seed_roadmap_is_a_gantt_with_one_bar_per_day_block_and_one_section_per_week()
    {
        var gantt = Body(MermaidDiagrams.Gantt(SeedPhase()));

        Assert.StartsWith("gantt\n    title Phase 2 roadmap\n    dateFormat X\n", gantt, StringComparison.Ordinal);
        Assert.Equal(["Week 1 Critical Infrastructure", "Week 2 Testing & Refinement"], Sections().Matches(gantt).Select(m => m.Groups[1].Value));
        Assert.Equal(
            [
                "Monitoring Dashboard Implementation : 0, 2d",
                "Load Testing Suite : 172800, 1d",
                "Frontend E2E Tests : 259200, 2d",
                "Cleanup & Polish : 432000, 1d",
            ],
            Bars().Matches(gantt).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void The_seed_matrix_is_a_quadrant_chart_with_one_point_per_item_in_the_named_quadrants()
    {
        var phase = SeedPhase();
        var chart = Body(MermaidDiagrams.QuadrantChart(phase));

        Assert.Contains("    quadrant-2 Quick wins\n", chart, StringComparison.Ordinal);
        var points = Points().Matches(chart).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(phase.Items.Count, points.Count);
        Assert.Contains("5. Monitoring Dashboard Implementation: [0.95, 0.90]", points);
        Assert.Contains("1. studio-settings-form.tsx Cleanup: [0.28, 0.35]", points);
    }

    [Fact]
    public void Both_seed_diagrams_parse_with_mermaids_own_parser()
    {
        var phase = SeedPhase();

        var (valid, output) = MermaidCheck.Parse(Body(MermaidDiagrams.Gantt(phase)), Body(MermaidDiagrams.QuadrantChart(phase)));

        Assert.True(valid, output);
        Assert.Contains(" gantt", output, StringComparison.Ordinal);
        Assert.Contains(" quadrantChart", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_with_mermaid_syntax_in_them_still_parse_and_blocks_without_a_day_are_comments()
    {
        var phase = new Phase { Number = 3 };
        phase.Items.Add(new DeferredItem { Number = 1, Title = "Fix: the \"quoted\" #1; [bracket] {brace} 🚀", EffortHours = 4, Impact = "High" });
        phase.Items.Add(new DeferredItem { Number = 2, Title = "No effort yet" });
        phase.RoadmapWeeks.Add(new RoadmapWeek
        {
            Number = 1,
            Theme = "Week: one; #hash",
            Blocks =
            [
                new RoadmapBlock { StartDay = 2, EndDay = 1, Title = "Ends before it starts: taken as one day" },
                new RoadmapBlock { Title = "Someday" },
            ],
        });

        var gantt = Body(MermaidDiagrams.Gantt(phase));
        var chart = Body(MermaidDiagrams.QuadrantChart(phase));
        var (valid, output) = MermaidCheck.Parse(gantt, chart);

        Assert.True(valid, output + "\n" + gantt + "\n" + chart);
        Assert.Contains("    %% no day yet: Someday\n", gantt, StringComparison.Ordinal);
        Assert.Contains("Ends before it starts taken as one day : 86400, 1d", gantt, StringComparison.Ordinal);
        Assert.Equal(2, Points().Count(chart));
    }

    [Fact]
    public void A_broken_diagram_is_reported_invalid_so_the_check_can_fail()
    {
        var (valid, output) = MermaidCheck.Parse("quadrantChart\n    Point: [1.5, 2]\n");

        Assert.False(valid);
        Assert.Contains("invalid", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^    section (.+)$", RegexOptions.Multiline)]
    private static partial Regex Sections();

    [GeneratedRegex(@"^    ([^%\n][^\n]*: \d+, \d+d)$", RegexOptions.Multiline)]
    private static partial Regex Bars();

    [GeneratedRegex(@"^    ([^\n]+: \[[0-9.]+, [0-9.]+\])$", RegexOptions.Multiline)]
    private static partial Regex Points();
}
