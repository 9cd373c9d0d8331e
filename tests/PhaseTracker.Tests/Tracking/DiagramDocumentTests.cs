using System.Text;
using System.Text.RegularExpressions;
using PhaseTracker.Domain;
using PhaseTracker.Tracking;

namespace PhaseTracker.Tests.Tracking;

/// <summary>
/// Mermaid diagrams in the tracking document: an export with diagrams adds a gantt after the roadmap and
/// a quadrant chart after the matrix, once; a document that carries them imports and exports again
/// unchanged; a mermaid block the team wrote stays as written.
/// </summary>
public sealed partial class DiagramDocumentTests
{
    private const string HandWritten = """
        # Phase 3 Tracking

        ## Deferred Items

        ### 1. Retry Queue

        **Estimated Effort:** 2 hours

        **Priority:** P1 (High)

        **Owner:** Backend Team

        ---

        ## Priority Matrix

        | Item | Priority | Effort | Impact | Phase | Owner |
        |------|----------|--------|--------|-------|-------|
        | Retry Queue | P1 | 2h | High | 3 | Backend |

        **Total Phase 3 Effort:** 2 hours (~0.3 developer-days)

        ```mermaid
        quadrantChart
            title Our own chart
            Retry Queue: [0.3, 0.6]
        ```

        ## Architecture

        ```mermaid
        flowchart LR
            A --> B
        ```

        """;

    private static string ExportWithDiagrams(ReadResult result) =>
        TrackingDocumentWriter.Write(result.Phase!, result.DecisionRecords, diagrams: true);

    private static ReadResult ReadText(string text) => Documents.Read(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void An_export_with_diagrams_adds_one_quadrant_chart_after_the_matrix_total_and_one_gantt_at_the_end_of_the_roadmap()
    {
        var seed = Documents.Read(Documents.Seed());
        var plain = Documents.Export(seed);

        var exported = ExportWithDiagrams(seed);

        Assert.Equal(2, Markers().Count(exported));
        Assert.Single(QuadrantBlocks().Matches(exported));
        Assert.Single(GanttBlocks().Matches(exported));

        var total = exported.IndexOf("**Total Phase 2 Effort:** 25 hours (~3.1 developer-days)\n\n", StringComparison.Ordinal);
        var quadrant = exported.IndexOf(MermaidDiagrams.QuadrantChart(seed.Phase!), StringComparison.Ordinal);
        var roadmap = exported.IndexOf("Phase 2 Roadmap", StringComparison.Ordinal);
        Assert.True(total > 0 && quadrant > total && quadrant < roadmap, "the quadrant chart follows the total line, inside the matrix section");
        Assert.Contains("**Total Phase 2 Effort:** 25 hours (~3.1 developer-days)\n\n" + MermaidDiagrams.QuadrantChart(seed.Phase!) + "\n---\n", exported, StringComparison.Ordinal);

        var gantt = exported.IndexOf(MermaidDiagrams.Gantt(seed.Phase!), StringComparison.Ordinal);
        var adrs = exported.IndexOf("Architecture Decision Records (ADRs)", StringComparison.Ordinal);
        Assert.True(gantt > roadmap && gantt < adrs, "the gantt closes the roadmap section");
        Assert.Contains("Documentation updates\n```\n\n" + MermaidDiagrams.Gantt(seed.Phase!) + "\n---\n", exported, StringComparison.Ordinal);

        // Nothing else moved: without the two blocks (and the blank line after each), the plain export.
        var without = exported
            .Replace(MermaidDiagrams.QuadrantChart(seed.Phase!) + "\n", "", StringComparison.Ordinal)
            .Replace(MermaidDiagrams.Gantt(seed.Phase!) + "\n", "", StringComparison.Ordinal);
        Assert.Equal(plain, without);
    }

    [Fact]
    public void A_document_exported_with_diagrams_imports_and_exports_again_byte_identical_with_or_without_the_option()
    {
        var exported = ExportWithDiagrams(Documents.Read(Documents.Seed()));

        var again = ReadText(exported);

        Assert.Equal(2, again.Phase!.Layout.Count(s => s.Kind == SegmentKind.Diagram));
        Assert.Equal(exported, ExportWithDiagrams(again));
        Assert.Equal(exported, Documents.Export(again));
        Assert.Equal(exported, ExportWithDiagrams(ReadText(ExportWithDiagrams(again))));
    }

    [Fact]
    public void A_document_read_with_diagrams_keeps_its_records_and_warnings_as_without_them()
    {
        var seed = Documents.Read(Documents.Seed());
        var again = ReadText(ExportWithDiagrams(seed));

        Assert.Equal(seed.Phase!.Items.Select(i => i.Source), again.Phase!.Items.Select(i => i.Source));
        Assert.Equal(seed.Phase.RoadmapWeeks.Select(w => w.Source), again.Phase.RoadmapWeeks.Select(w => w.Source));
        Assert.Equal(seed.Phase.MatrixRows.Select(r => r.Source), again.Phase.MatrixRows.Select(r => r.Source));
        Assert.Equal(seed.DecisionRecords.Select(r => r.Source), again.DecisionRecords.Select(r => r.Source));
        Assert.Equal(
            seed.Phase.Warnings.Where(w => w.Kind == WarningKind.Warning).Select(w => w.Message),
            again.Phase.Warnings.Where(w => w.Kind == WarningKind.Warning).Select(w => w.Message));
    }

    [Fact]
    public void The_seed_still_comes_back_byte_for_byte_without_diagrams()
    {
        var seed = Documents.Read(Documents.Seed());

        Assert.DoesNotContain(seed.Phase!.Layout, s => s.Kind == SegmentKind.Diagram);
        Assert.Equal(seed.Text, Documents.Export(seed));
    }

    [Fact]
    public void A_mermaid_block_written_by_hand_is_kept_as_it_is_and_the_generated_chart_comes_beside_it()
    {
        var result = ReadText(HandWritten);

        Assert.DoesNotContain(result.Phase!.Layout, s => s.Kind == SegmentKind.Diagram);
        Assert.Equal(HandWritten, Documents.Export(result));

        var exported = ExportWithDiagrams(result);
        Assert.Contains("```mermaid\nquadrantChart\n    title Our own chart\n    Retry Queue: [0.3, 0.6]\n```\n", exported, StringComparison.Ordinal);
        Assert.Contains("```mermaid\nflowchart LR\n    A --> B\n```\n", exported, StringComparison.Ordinal);
        Assert.Single(Markers().Matches(exported));
        Assert.Contains("Retry Queue: [0.3, 0.6]\n```\n\n" + MermaidDiagrams.QuadrantChart(result.Phase!) + "\n## Architecture\n", exported, StringComparison.Ordinal);
        Assert.Equal(exported, Documents.Export(ReadText(exported)));
    }

    [Fact]
    public void A_marker_before_anything_but_a_mermaid_block_of_a_generated_kind_stays_text()
    {
        var text = HandWritten.Replace("```mermaid\nflowchart", MermaidDiagrams.Marker + "\n```mermaid\nflowchart", StringComparison.Ordinal)
            .Replace("## Architecture\n", "## Architecture\n\n" + MermaidDiagrams.Marker + "\n\n```mermaid\ngantt\n```\n", StringComparison.Ordinal);

        var result = ReadText(text);

        Assert.DoesNotContain(result.Phase!.Layout, s => s.Kind == SegmentKind.Diagram);
        Assert.Equal(text, Documents.Export(result));
    }

    [Fact]
    public void An_effort_edit_moves_the_items_point_in_the_quadrant_chart_and_changes_only_what_derives_from_it()
    {
        var exported = ExportWithDiagrams(Documents.Read(Documents.Seed()));
        var result = ReadText(exported);

        Documents.Item(result, 2).EffortHours = 6;
        var edited = Documents.Export(result);

        Assert.Equal(
            [
                "-**Estimated Effort:** 3 hours",
                "+**Estimated Effort:** 6 hours",
                "-| Bundle Analysis CI | P2 | 3h | Medium | 2 | DevOps |",
                "+| Bundle Analysis CI | P2 | 6h | Medium | 2 | DevOps |",
                "-**Total Phase 2 Effort:** 25 hours (~3.1 developer-days)",
                "+**Total Phase 2 Effort:** 28 hours (~3.5 developer-days)",
                "-    2. Complete Bundle Analysis: [0.39, 0.35]",
                "+    2. Complete Bundle Analysis: [0.73, 0.35]",
            ],
            Documents.ChangedLines(exported, edited));
    }

    [Fact]
    public void A_roadmap_edit_changes_its_bar_in_the_gantt()
    {
        var exported = ExportWithDiagrams(Documents.Read(Documents.Seed()));
        var result = ReadText(exported);

        result.Phase!.RoadmapWeeks.Single(w => w.Number == 2).Blocks[1].Title = "Cleanup and Polish";
        var edited = Documents.Export(result);

        var changes = Documents.ChangedLines(exported, edited);
        Assert.Contains("-    Cleanup & Polish : 432000, 1d", changes);
        Assert.Contains("+    Cleanup and Polish : 432000, 1d", changes);
    }

    [Fact]
    public void A_document_with_crlf_line_endings_gets_its_diagrams_with_crlf_and_keeps_them()
    {
        var text = HandWritten.ReplaceLineEndings("\r\n");
        var exported = ExportWithDiagrams(ReadText(text));

        Assert.Contains(MermaidDiagrams.QuadrantChart(ReadText(text).Phase!, "\r\n"), exported, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", exported.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(exported, Documents.Export(ReadText(exported)));
    }

    [Fact]
    public void A_phase_that_never_came_from_a_document_gets_its_diagrams_too()
    {
        var seed = Documents.Read(Documents.Seed());
        seed.Phase!.Layout = [];

        var exported = ExportWithDiagrams(seed);

        Assert.Single(QuadrantBlocks().Matches(exported));
        Assert.Single(GanttBlocks().Matches(exported));
        Assert.Equal(exported, ExportWithDiagrams(ReadText(exported)));
    }

    [Fact]
    public void The_generated_blocks_in_the_exported_document_parse_with_mermaids_own_parser()
    {
        var exported = ExportWithDiagrams(Documents.Read(Documents.Seed()));

        var bodies = Bodies().Matches(exported).Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(2, bodies.Length);
        var (valid, output) = MermaidCheck.Parse(bodies);
        Assert.True(valid, output);
    }

    [GeneratedRegex(@"^<!-- phasetracker:generated -->\n```mermaid\n", RegexOptions.Multiline)]
    private static partial Regex Markers();

    [GeneratedRegex(@"^```mermaid\nquadrantChart\n", RegexOptions.Multiline)]
    private static partial Regex QuadrantBlocks();

    [GeneratedRegex(@"^```mermaid\ngantt\n", RegexOptions.Multiline)]
    private static partial Regex GanttBlocks();

    [GeneratedRegex(@"^<!-- phasetracker:generated -->\n```mermaid\n(.*?)^```\n", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Bodies();
}
