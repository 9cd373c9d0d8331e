using PhaseTracker.Domain;
using PhaseTracker.Tracking;

namespace PhaseTracker.Tests.Tracking;

/// <summary>Edits of roadmap weeks and decision records show up in the export as only the lines they touch.</summary>
public class RoadmapAndDecisionRecordEditTests
{
    private static (ReadResult Result, string Before) Seed()
    {
        var result = Documents.Read(Documents.Seed());
        return (result, Documents.Export(result));
    }

    private static RoadmapWeek Week(ReadResult result, int number) => result.Phase!.RoadmapWeeks.Single(w => w.Number == number);

    private static DecisionRecord Record(ReadResult result, int number) => result.DecisionRecords.Single(r => r.Number == number);

    [Fact]
    public void The_seed_still_round_trips_byte_for_byte_with_a_place_for_new_weeks()
    {
        var (result, before) = Seed();
        Assert.Equal(result.Text, before);
        Assert.Single(result.Phase!.Layout, s => s.Kind == SegmentKind.RoadmapEnd);
        Assert.DoesNotContain("---", Week(result, 2).Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_theme_changes_only_the_week_heading()
    {
        var (result, before) = Seed();
        Week(result, 1).Theme = "Core Infrastructure";
        Assert.Equal(["-### Week 1: Critical Infrastructure", "+### Week 1: Core Infrastructure"], Documents.ChangedLines(before, Documents.Export(result)));
    }

    [Fact]
    public void A_changed_block_title_and_days_change_only_the_day_line()
    {
        var (result, before) = Seed();
        var block = Week(result, 1).Blocks[1];
        block.Title = "Load Tests";
        block.EndDay = 4;
        Assert.Equal(["-Day 3: Load Testing Suite", "+Day 3-4: Load Tests"], Documents.ChangedLines(before, Documents.Export(result)));
    }

    [Fact]
    public void A_task_added_at_the_end_turns_the_old_last_branch_and_adds_one_line()
    {
        var (result, before) = Seed();
        Week(result, 1).Blocks[1].Tasks.Add("Publish the report");
        Assert.Equal(
            ["-  └─→ Add to CI pipeline", "+  ├─→ Add to CI pipeline", "+  └─→ Publish the report"],
            Documents.ChangedLines(before, Documents.Export(result)));
    }

    [Fact]
    public void A_task_removed_from_the_middle_removes_only_its_line()
    {
        var (result, before) = Seed();
        Week(result, 1).Blocks[0].Tasks.RemoveAt(1);
        Assert.Equal(["-  ├─→ Build 3 core dashboards"], Documents.ChangedLines(before, Documents.Export(result)));
    }

    [Fact]
    public void Reordered_tasks_move_their_lines_as_written()
    {
        var (result, before) = Seed();
        var tasks = Week(result, 2).Blocks[0].Tasks;
        (tasks[0], tasks[1]) = (tasks[1], tasks[0]);
        var after = Documents.Export(result);
        var changed = Documents.ChangedLines(before, after);
        Assert.Equal(2, changed.Count);
        Assert.Contains("  ├─→ Implement critical path tests\n  ├─→ Set up Playwright\n  └─→ Add to CI\n", after, StringComparison.Ordinal);
        Assert.Equal(Week(Documents.Read(System.Text.Encoding.UTF8.GetBytes(after)), 2).Blocks[0].Tasks, tasks);
    }

    [Fact]
    public void A_new_block_adds_its_lines_after_the_last_block_in_the_week_s_style()
    {
        var (result, before) = Seed();
        Week(result, 2).Blocks.Add(new RoadmapBlock { StartDay = 7, EndDay = 8, Title = "Release", Tasks = ["Tag the build", "Announce"] });
        var after = Documents.Export(result);
        Assert.Equal(["+", "+Day 7-8: Release", "+  ├─→ Tag the build", "+  └─→ Announce"], Documents.ChangedLines(before, after));
        var reread = Week(Documents.Read(System.Text.Encoding.UTF8.GetBytes(after)), 2);
        Assert.Equal(3, reread.Blocks.Count);
        Assert.Equal(["Tag the build", "Announce"], reread.Blocks[2].Tasks);
    }

    [Fact]
    public void A_removed_block_takes_its_lines_and_its_separating_blank_line()
    {
        var (result, before) = Seed();
        Week(result, 1).Blocks.RemoveAt(1);
        var changed = Documents.ChangedLines(before, Documents.Export(result));
        Assert.Equal(["-", "-Day 3: Load Testing Suite", "-  ├─→ Implement Locust script", "-  ├─→ Run baseline tests", "-  └─→ Add to CI pipeline"], changed);
    }

    [Fact]
    public void A_new_week_goes_after_the_last_week_inside_the_roadmap_section()
    {
        var (result, before) = Seed();
        result.Phase!.RoadmapWeeks.Add(new RoadmapWeek
        {
            Number = 3,
            Theme = "Hardening",
            Blocks = [new RoadmapBlock { StartDay = 7, EndDay = 7, Title = "Security review", Tasks = ["Run the scanner"] }],
        });
        var after = Documents.Export(result);
        Assert.Equal(["+### Week 3: Hardening", "+```", "+Day 7: Security review", "+  └─→ Run the scanner", "+```", "+"], Documents.ChangedLines(before, after));
        Assert.Contains("```\n\n### Week 3: Hardening\n```\nDay 7: Security review\n  └─→ Run the scanner\n```\n\n---\n", after, StringComparison.Ordinal);

        var reread = Documents.Read(System.Text.Encoding.UTF8.GetBytes(after));
        Assert.Equal([1, 2, 3], reread.Phase!.RoadmapWeeks.Select(w => w.Number));
        Assert.Equal(after, Documents.Export(reread));
    }

    /// <summary>A layout saved before RoadmapEnd existed: the last week's source ran on to the section's closing rule.</summary>
    private static void MakeOldLayout(ReadResult result)
    {
        var layout = result.Phase!.Layout;
        var end = layout.FindIndex(s => s.Kind == SegmentKind.RoadmapEnd);
        var tail = layout[end + 1];
        var rule = tail.Text![..tail.Text!.IndexOf("## ", StringComparison.Ordinal)];
        Week(result, 2).Source += rule;
        tail.Text = tail.Text[rule.Length..];
        layout.RemoveAt(end);
    }

    [Fact]
    public void A_layout_saved_without_a_roadmap_end_still_exports_byte_for_byte_and_places_new_weeks_before_the_rule()
    {
        var (result, before) = Seed();
        MakeOldLayout(result);
        Assert.Equal(before, Documents.Export(result));

        result.Phase!.RoadmapWeeks.Add(new RoadmapWeek { Number = 3, Theme = "Hardening" });
        var after = Documents.Export(result);
        Assert.Equal(["+### Week 3: Hardening", "+"], Documents.ChangedLines(before, after));
        Assert.Contains("```\n\n### Week 3: Hardening\n\n---\n", after, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phase_without_a_document_writes_its_weeks_in_a_roadmap_section_that_reads_back()
    {
        var phase = new Phase { Number = 3, Title = "Phase 3 Tracking" };
        phase.RoadmapWeeks.Add(new RoadmapWeek { Number = 1, Theme = "Start", Blocks = [new RoadmapBlock { StartDay = 1, EndDay = 2, Title = "Kick-off", Tasks = ["Plan"] }] });
        var text = TrackingDocumentWriter.Write(phase, []);
        Assert.Contains("## Phase 3 Roadmap\n\n### Week 1: Start\n```\nDay 1-2: Kick-off\n  └─→ Plan\n```\n\n---\n\n## Architecture Decision Records", text, StringComparison.Ordinal);
        var reread = Documents.Read(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal("Kick-off", reread.Phase!.RoadmapWeeks.Single().Blocks.Single().Title);
        Assert.Equal(text, Documents.Export(reread));

        var empty = TrackingDocumentWriter.Write(new Phase { Number = 3, Title = "Phase 3 Tracking" }, []);
        Assert.DoesNotContain("Roadmap", empty, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_status_changes_only_its_line()
    {
        var (result, before) = Seed();
        Record(result, 3).Status = "Deprecated ⚠️";
        Assert.Equal(["-**Status:** Accepted ✅", "+**Status:** Deprecated ⚠️"], Documents.ChangedLines(before, Documents.Export(result)));
    }

    [Fact]
    public void Superseding_patches_the_status_of_one_and_inserts_the_supersedes_line_below_the_status_of_the_other()
    {
        var (result, before) = Seed();
        var old = Record(result, 2);
        var replacement = Record(result, 4);
        old.Status = "Superseded by ADR-004";
        old.SupersededBy = 4;
        replacement.Supersedes = 2;
        var after = Documents.Export(result);
        Assert.Equal(
            ["-**Status:** Accepted ✅", "+**Status:** Superseded by ADR-004", "+", "+**Supersedes:** ADR-002"],
            Documents.ChangedLines(before, after));
        Assert.Contains("**Status:** Accepted ✅\n\n**Supersedes:** ADR-002\n\n**Context:**", after, StringComparison.Ordinal);

        var reread = Documents.Read(System.Text.Encoding.UTF8.GetBytes(after));
        Assert.Equal(4, Record(reread, 2).SupersededBy);
        Assert.Equal(2, Record(reread, 4).Supersedes);
        Assert.Equal(after, Documents.Export(reread));
    }

    [Fact]
    public void A_new_decision_record_is_written_in_the_seed_s_style_after_the_last_one()
    {
        var (result, before) = Seed();
        result.DecisionRecords.Add(new DecisionRecord
        {
            Number = 5,
            Title = "Feature Flags",
            Date = "November 20, 2025",
            Status = "Proposed",
            Context = ["Releases are risky"],
            Decision = ["Use flags"],
            Consequences = [new Consequence(true, "✅", "Safer releases"), new Consequence(false, "⚠️", "More branches in code")],
            Alternatives = [new Alternative("Release trains", "Rejected", "Too slow")],
        });
        var after = Documents.Export(result);
        const string expected = "---\n\n### ADR-005: Feature Flags\n\n**Date:** November 20, 2025\n\n**Status:** Proposed\n\n**Context:**\n- Releases are risky\n\n"
            + "**Decision:**\n- Use flags\n\n**Consequences:**\n- ✅ Safer releases\n- ⚠️ More branches in code\n\n"
            + "**Alternatives Considered:**\n1. Release trains\n   - Rejected: Too slow\n\n---\n\n## ";
        Assert.Contains(expected, after, StringComparison.Ordinal);
        Assert.All(Documents.ChangedLines(before, after), line => Assert.StartsWith("+", line, StringComparison.Ordinal));

        var reread = Record(Documents.Read(System.Text.Encoding.UTF8.GetBytes(after)), 5);
        Assert.Equal(["Use flags"], reread.Decision);
        Assert.False(reread.Consequences[1].Positive);
        Assert.Equal("Too slow", reread.Alternatives[0].Reason);
    }

    [Fact]
    public void A_document_without_roadmap_and_adr_sections_gets_them_at_its_end_for_weeks_and_records_added_later()
    {
        const string text = "# Phase 4 Tracking\n\n## Overview\n\n**Purpose:** Try\n";
        var result = Documents.Read(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal(text, Documents.Export(result));

        result.Phase!.RoadmapWeeks.Add(new RoadmapWeek { Number = 1, Theme = "Start" });
        result.DecisionRecords.Add(new DecisionRecord { Number = 9, Title = "Keep It Small", Status = "Proposed" });
        var after = Documents.Export(result);
        Assert.StartsWith(text, after, StringComparison.Ordinal);

        var reread = Documents.Read(System.Text.Encoding.UTF8.GetBytes(after));
        Assert.Equal("Start", reread.Phase!.RoadmapWeeks.Single().Theme);
        Assert.Equal("Keep It Small", reread.DecisionRecords.Single().Title);
        Assert.Equal(after, Documents.Export(reread));
    }
}
