using System.Text;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;

namespace PhaseTracker.Tests.Tracking;

/// <summary>
/// The golden documents under Documents/ and the seed: each round-trips byte for byte, reads to exactly
/// what it says, and an edit of the model changes only the lines it touches (PRODUCT.md rules 1 to 3).
/// </summary>
public class GoldenDocumentTests
{
    private static readonly string[] RequiredDocuments =
    [
        "crlf.md", "unknown-sections.md", "completed-items.md", "superseded-adr.md", "nested-plan.md", "empty-phase.md", "bom-and-mixed.md",
    ];

    public static TheoryData<string> GoldenFiles() => [.. GoldenNames()];

    /// <summary>The golden input documents: every markdown file directly under Documents/ (not expected/).</summary>
    private static IEnumerable<string> GoldenNames() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Documents"), "*.md", SearchOption.TopDirectoryOnly)
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal);

    // ---------------------------------------------------------------- round trip, every document

    [Fact]
    public void Every_required_golden_document_is_there()
    {
        var present = GoldenNames().ToHashSet(StringComparer.Ordinal);
        Assert.All(RequiredDocuments, name => Assert.Contains(name, present));
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Golden_document_round_trips_byte_for_byte(string name)
    {
        var bytes = Documents.Golden(name);
        var result = Documents.Read(bytes);

        var exported = Documents.Export(result);

        AssertSameText(result.Text, exported);
        if (!result.Warnings.Any(w => w.Kind == WarningKind.Repair))
        {
            Assert.Equal(bytes, Encoding.UTF8.GetBytes(exported));
        }
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Golden_document_is_clean_utf8_and_needs_no_repair(string name)
    {
        var bytes = Documents.Golden(name);
        var result = Documents.Read(bytes);

        Assert.DoesNotContain(result.Warnings, w => w.Kind == WarningKind.Repair);
        Assert.Equal(new UTF8Encoding(false, true).GetString(bytes), result.Text);
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Golden_document_exported_and_read_again_gives_the_same_model(string name)
    {
        var first = Documents.Read(Documents.Golden(name));
        var second = Documents.Read(Encoding.UTF8.GetBytes(Documents.Export(first)));

        Assert.Equal(first.Phase!.Items.Select(Fingerprint.Of), second.Phase!.Items.Select(Fingerprint.Of));
        Assert.Equal(first.DecisionRecords.Select(Fingerprint.Of), second.DecisionRecords.Select(Fingerprint.Of));
        Assert.Equal(first.Phase.RoadmapWeeks.Select(Fingerprint.Of), second.Phase.RoadmapWeeks.Select(Fingerprint.Of));
        Assert.Equal(first.Phase.MatrixRows.Select(r => (r.Label, r.ItemNumber)), second.Phase.MatrixRows.Select(r => (r.Label, r.ItemNumber)));
        Assert.Equal(first.Warnings.Select(w => w.ToString()), second.Warnings.Select(w => w.ToString()));
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Golden_document_saved_with_no_changed_value_is_byte_identical(string name)
    {
        var result = Documents.Read(Documents.Golden(name));
        var before = Documents.Export(result);

        SetEveryFieldToItsOwnValue(result);

        AssertSameText(before, Documents.Export(result));
    }

    // ---------------------------------------------------------------- the seed

    [Fact]
    public void Seed_parses_to_exactly_what_it_says()
    {
        var result = Documents.Read(Documents.Seed());
        var phase = result.Phase!;

        Assert.Equal(2, phase.Number);
        Assert.Equal("📋 Phase 2 Tracking — Deferred Items", phase.Title);
        Assert.Equal("Track work deferred from Phase 1 to Phase 2.", phase.Purpose);
        Assert.Equal("Phase 2 estimated 4 developer-days (see audit)", phase.Timeline);

        Assert.Equal([1, 2, 3, 4, 5], phase.Items.Select(i => i.Number));
        Assert.Equal(
            ["studio-settings-form.tsx Cleanup", "Complete Bundle Analysis", "Load Testing Suite", "Frontend Integration Tests", "Monitoring Dashboard Implementation"],
            phase.Items.Select(i => i.Title));
        Assert.Equal([2.0, 3.0, 4.0, 8.0, 8.0], phase.Items.Select(i => i.EffortHours ?? -1));
        Assert.Equal([2, 2, 1, 1, 0], phase.Items.Select(i => i.Priority ?? -1));
        Assert.Equal(["Medium", "Medium", "High", "High", "Critical"], phase.Items.Select(i => i.PriorityLabel));
        Assert.Equal(["[TBD]", "DevOps", "Backend Team", "Frontend Team", "DevOps"], phase.Items.Select(i => i.Owner));
        Assert.Equal(25.0, phase.Items.Sum(i => i.EffortHours ?? 0));

        var item1 = Documents.Item(result, 1);
        Assert.Equal("webapp/components/features/settings/studio-settings-form.tsx", item1.FilePath);
        Assert.Equal(["🟡", "\u26A0\uFE0F", "📝", "❌", "📋"], phase.Items.Select(i => i.StatusEmoji));
        Assert.Equal("Left Untouched", item1.StatusLabel);
        Assert.Equal("local edits exist", item1.StatusNote);
        Assert.Equal(["Local uncommitted changes present", "Risk of merge conflicts", "Non-critical to Phase 1 goals"], item1.WhyDeferred);
        Assert.Equal("[Create in project management tool]", item1.TrackingIssue);
        Assert.All(phase.Items, i => Assert.False(i.IsComplete));
        Assert.All(phase.Items, i => Assert.Null(i.CompletedOn));

        var item4 = Documents.Item(result, 4);
        Assert.Equal(["Choose E2E framework (Playwright recommended)", "Implement critical path tests:", "Add to CI pipeline"], item4.Plan.Select(s => s.Text));
        Assert.Equal(["Login flow", "Settings save/load", "Error handling (network failure)"], item4.Plan[1].SubSteps);
        Assert.Equal(["Playwright/Cypress E2E tests", "Settings save flow test", "Auth flow test", "Error state tests"], item4.Missing);

        // The matrix: 5 rows in its own order, each matched to its item.
        Assert.Equal(5, phase.MatrixRows.Count);
        Assert.Equal(["Monitoring Dashboard", "Load Testing", "E2E Tests", "studio-settings-form", "Bundle Analysis CI"], phase.MatrixRows.Select(r => r.Label));
        Assert.Equal([5, 3, 4, 1, 2], phase.MatrixRows.Select(r => r.ItemNumber ?? -1));
        Assert.Equal(["Medium", "Medium", "High", "High", "Critical"], phase.Items.Select(i => i.Impact));

        // The roadmap: 2 weeks, blocks 1-2, 3, 4-5 and 6, each linked to the items it works on.
        Assert.Equal([1, 2], phase.RoadmapWeeks.Select(w => w.Number));
        Assert.Equal(["Critical Infrastructure", "Testing & Refinement"], phase.RoadmapWeeks.Select(w => w.Theme));
        var blocks = phase.RoadmapWeeks.SelectMany(w => w.Blocks).ToList();
        Assert.Equal([(1, 2), (3, 3), (4, 5), (6, 6)], blocks.Select(b => (b.StartDay ?? -1, b.EndDay ?? -1)));
        Assert.Equal(
            ["Monitoring Dashboard Implementation", "Load Testing Suite", "Frontend E2E Tests", "Cleanup & Polish"],
            blocks.Select(b => b.Title));
        Assert.Equal([4, 3, 3, 3], blocks.Select(b => b.Tasks.Count));
        Assert.Equal("Set up metrics collection", blocks[0].Tasks[0]);
        Assert.Equal([5], blocks[0].ItemNumbers);
        Assert.Equal([3], blocks[1].ItemNumbers);
        Assert.Equal([4], blocks[2].ItemNumbers);
        Assert.Equal([1, 2], blocks[3].ItemNumbers);

        // 4 ADRs, each dated, accepted, with 3 positive and 1 negative consequence and 3 alternatives.
        Assert.Equal([1, 2, 3, 4], result.DecisionRecords.Select(r => r.Number));
        Assert.Equal(
            ["Remove Prisma in Favor of SQLAlchemy", "Unified HTTP Client vs. Multiple Clients", "Exponential Backoff for Retries", "Correlation IDs via X-Request-ID Header"],
            result.DecisionRecords.Select(r => r.Title));
        Assert.All(result.DecisionRecords, record =>
        {
            Assert.Equal("November 12, 2025", record.Date);
            Assert.Equal("Accepted ✅", record.Status);
            Assert.Equal(3, record.Consequences.Count(c => c.Positive));
            Assert.Equal(1, record.Consequences.Count(c => !c.Positive));
            Assert.Equal(3, record.Alternatives.Count);
            Assert.Null(record.Supersedes);
            Assert.Null(record.SupersededBy);
        });
        var adr1 = result.DecisionRecords[0];
        Assert.Equal("Simplified architecture (one ORM)", adr1.Consequences[0].Text);
        Assert.Equal("Future: If Next.js needs DB access, use API calls to FastAPI (not direct DB)", adr1.Consequences[3].Text);
        Assert.Equal(new Alternative("Keep Prisma for frontend, SQLAlchemy for backend", "Rejected", "Maintains split-brain architecture"), adr1.Alternatives[0]);
        Assert.Equal("Considered for Phase 3", result.DecisionRecords[1].Alternatives[2].Verdict);

        Assert.Equal(
            [("Phase 1 Audit", "../AUDIT.md"), ("Migration Runbook", "./PHASE1_MIGRATION_RUNBOOK.md"), ("Observability Plan", "./OBSERVABILITY_PLAN.md"), ("Benchmarks", "./PHASE1_BENCHMARKS.md")],
            phase.RelatedDocuments.Select(d => (d.Title, d.Url)));

        Assert.Equal("November 12, 2025", phase.LastUpdated);
        Assert.Equal("1.0", phase.Version);
        Assert.Equal("Phase 2 Planning", phase.FooterStatus);

        // The document disagrees with itself twice; both are reported with their lines, nothing is fixed.
        var warnings = result.Warnings.Where(w => w.Kind == WarningKind.Warning).ToList();
        Assert.Contains(warnings, w => w.Line == 9 && Mentions(w, "4 developer-days", "3.1"));
        Assert.Contains(warnings, w => w.Line == 159 && Mentions(w, "[TBD]", "Frontend"));
        Assert.Equal([9, 159], warnings.Select(w => w.Line));
    }

    // ---------------------------------------------------------------- the golden documents, value by value

    [Fact]
    public void Crlf_document_keeps_crlf_and_reads_like_any_other()
    {
        var bytes = Documents.Golden("crlf.md");
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Equal(text.Count(c => c == '\n'), CountOf(text, "\r\n"));
        Assert.True(CountOf(text, "\r\n") > 100, "crlf.md lost its CRLF line endings (check .gitattributes)");

        var result = Documents.Read(bytes);
        var phase = result.Phase!;
        Assert.Equal(5, phase.Number);
        Assert.Equal([1, 2], phase.Items.Select(i => i.Number));
        Assert.Equal([6.0, 6.0], phase.Items.Select(i => i.EffortHours ?? -1));
        Assert.Equal([1, 3], phase.Items.Select(i => i.Priority ?? -1));
        Assert.Equal(["Desktop Team", "DevOps"], phase.Items.Select(i => i.Owner));
        Assert.DoesNotContain('\r', string.Concat(phase.Items.Select(i => i.Title + i.Owner + i.StatusLabel + i.StatusNote + i.FilePath)));

        var installer = Documents.Item(result, 1);
        Assert.Equal("installer/setup.wxs", installer.FilePath);
        Assert.Equal(["Request the certificate", "Sign the MSI in CI", "Test upgrade from Phase 4 build"], installer.Plan.Select(s => s.Text));
        Assert.Equal(["Timestamp every signature"], installer.Plan[1].SubSteps);
        Assert.Equal("[#311](https://github.com/acme/app/issues/311)", installer.TrackingIssue);

        Assert.Equal([1, 2], phase.MatrixRows.Select(r => r.ItemNumber ?? -1));
        var week = Assert.Single(phase.RoadmapWeeks);
        Assert.Equal("Ship the Installer", week.Theme);
        Assert.Equal(["Windows Installer", "Line Ending Normalization"], week.Blocks.Select(b => b.Title));
        Assert.Equal(["Request the certificate", "Sign the MSI in CI"], week.Blocks[0].Tasks);
        Assert.Equal(["1", "2"], week.Blocks.Select(b => string.Join(",", b.ItemNumbers)));

        var record = Assert.Single(result.DecisionRecords);
        Assert.Equal(9, record.Number);
        Assert.Equal("December 3, 2025", record.Date);
        Assert.Equal(["The installer tooling expects CRLF", "Mixed endings broke the WiX build once"], record.Context);
        Assert.Equal("2.0", phase.Version);
        Assert.Equal("Phase 5 Planning", phase.FooterStatus);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Unknown_sections_and_fields_are_kept_and_do_not_disturb_the_model()
    {
        var result = Documents.Read(Documents.Golden("unknown-sections.md"));
        var phase = result.Phase!;

        Assert.Equal(2, phase.Number);
        Assert.Equal([1, 2], phase.Items.Select(i => i.Number));
        Assert.Equal([8.0, 3.0], phase.Items.Select(i => i.EffortHours ?? -1));
        Assert.Equal([0, 2], phase.Items.Select(i => i.Priority ?? -1));
        Assert.Equal(["DevOps", "Frontend Team"], phase.Items.Select(i => i.Owner));
        Assert.Equal(["Actual dashboard creation (Grafana)", "Alert routing configuration"], Documents.Item(result, 1).Missing);

        // Only the priority matrix is read as the matrix; the risks table is text.
        Assert.Equal(["Monitoring Dashboard", "Bundle Size Budget"], phase.MatrixRows.Select(r => r.Label));
        Assert.Equal([1, 2], phase.MatrixRows.Select(r => r.ItemNumber ?? -1));
        Assert.Empty(phase.RoadmapWeeks);
        Assert.Empty(result.DecisionRecords);
        Assert.Equal("1.0", phase.Version);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Unknown_field_inside_an_item_survives_an_edit_of_that_item()
    {
        var result = Documents.Read(Documents.Golden("unknown-sections.md"));
        var before = Documents.Export(result);

        Documents.Item(result, 1).EffortHours = 10;
        var after = Documents.Export(result);

        Assert.Equal(
            [
                "-**Estimated Effort:** 8 hours", "+**Estimated Effort:** 10 hours",
                "-| Monitoring Dashboard | P0 | 8h | Critical | 2 | DevOps |", "+| Monitoring Dashboard | P0 | 10h | Critical | 2 | DevOps |",
                "-**Total Phase 2 Effort:** 11 hours (~1.4 developer-days)", "+**Total Phase 2 Effort:** 13 hours (~1.6 developer-days)",
            ],
            LineDiff(before, after));
        Assert.Equal(2, CountOf(after, "**Reviewer:** Jane\n"));
        Assert.Contains("> Jane asked for the alert thresholds", after, StringComparison.Ordinal);
        AssertSameText(Encoding.UTF8.GetString(Documents.Golden("expected/unknown-sections.effort-10.md")), after);
    }

    [Fact]
    public void Completed_items_read_their_date_and_pull_request()
    {
        var result = Documents.Read(Documents.Golden("completed-items.md"));
        var phase = result.Phase!;
        Assert.Equal(4, phase.Number);
        Assert.Equal([5.0, 3.0, 4.0], phase.Items.Select(i => i.EffortHours ?? -1));
        Assert.Equal([1, 2, 3], phase.Items.Select(i => i.Priority ?? -1));

        var rateLimiting = Documents.Item(result, 1);
        Assert.True(rateLimiting.IsComplete);
        Assert.Equal("✅", rateLimiting.StatusEmoji);
        Assert.Equal("Complete", rateLimiting.StatusLabel);
        Assert.Null(rateLimiting.StatusNote);
        Assert.Equal("November 20, 2025", rateLimiting.CompletedOn);
        Assert.Equal("https://github.com/acme/app/pull/42", rateLimiting.PullRequest);
        Assert.Equal("api/middleware/rate_limit.py", rateLimiting.FilePath);
        Assert.Equal("[#118](https://github.com/acme/app/issues/118)", rateLimiting.TrackingIssue);

        var retention = Documents.Item(result, 2);
        Assert.True(retention.IsComplete);
        Assert.Equal("shipped a week early", retention.StatusNote);
        Assert.Equal("November 24, 2025", retention.CompletedOn);
        Assert.Equal("https://github.com/acme/app/pull/57", retention.PullRequest);

        var darkMode = Documents.Item(result, 3);
        Assert.False(darkMode.IsComplete);
        Assert.Equal("In Progress", darkMode.StatusLabel);
        Assert.Null(darkMode.CompletedOn);
        Assert.Null(darkMode.PullRequest);

        Assert.Equal([1, 2, 3], phase.MatrixRows.Select(r => r.ItemNumber ?? -1));
        Assert.Equal(["High", "Medium", "Low"], phase.Items.Select(i => i.Impact));
        Assert.Equal(2, phase.RelatedDocuments.Count);
        Assert.Equal("1.3", phase.Version);

        // "Backend" and "Frontend" abbreviate "Backend Team" and "Frontend Team": not a disagreement.
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Superseded_decision_record_links_both_ways()
    {
        var result = Documents.Read(Documents.Golden("superseded-adr.md"));
        Assert.Equal(3, result.Phase!.Number);
        Assert.Equal([5, 6], result.DecisionRecords.Select(r => r.Number));

        var old = result.DecisionRecords[0];
        Assert.Equal("Store Sessions in Redis", old.Title);
        Assert.Equal("October 2, 2025", old.Date);
        Assert.Equal("Superseded by ADR-006", old.Status);
        Assert.Equal(6, old.SupersededBy);
        Assert.Null(old.Supersedes);
        Assert.Equal([true, false], old.Consequences.Select(c => c.Positive));
        Assert.Equal(2, old.Alternatives.Count);

        var current = result.DecisionRecords[1];
        Assert.Equal("Store Sessions in PostgreSQL", current.Title);
        Assert.Equal("Accepted ✅", current.Status);
        Assert.Equal(5, current.Supersedes);
        Assert.Null(current.SupersededBy);
        Assert.Equal(["Keep sessions in an unlogged PostgreSQL table", "Prune expired sessions every hour"], current.Decision);
        Assert.Equal([true, true, false], current.Consequences.Select(c => c.Positive));
        Assert.Equal(new Alternative("Keep Redis for sessions only", "Rejected", "Operating cost not justified"), current.Alternatives[0]);

        Assert.Equal([6.0, 2.0], result.Phase.Items.Select(i => i.EffortHours ?? -1));
        Assert.Equal([1, 2], result.Phase.MatrixRows.Select(r => r.ItemNumber ?? -1));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Nested_plan_reads_steps_and_sub_steps_in_every_list_style()
    {
        var result = Documents.Read(Documents.Golden("nested-plan.md"));
        var tests = Documents.Item(result, 1);

        Assert.Equal(["Framework choice still open", "CI minutes budget not approved"], tests.WhyDeferred);
        Assert.Equal(
            ["Choose the E2E framework (Playwright recommended)", "Implement critical path tests:", "Add to CI pipeline:", "Document how to run the tests locally"],
            tests.Plan.Select(s => s.Text));
        Assert.Equal(["", "Login flow|Settings save/load|Error handling (network failure)", "Run on every pull request|Upload traces on failure", ""],
            tests.Plan.Select(s => string.Join("|", s.SubSteps)));
        Assert.Equal(10.0, tests.EffortHours);

        var load = Documents.Item(result, 2);
        Assert.Equal(["Actual load test script (`api/tests/load_test.py`)", "CI integration for load testing"], load.Missing);
        Assert.Equal(["Implement Locust load test script", "Test with 100 concurrent users", "Add to CI (run on staging)", "Set performance budgets"], load.Plan.Select(s => s.Text));
        Assert.Equal(["Model the checkout journey", "Model the search journey"], load.Plan[0].SubSteps);
        Assert.Equal(["Nightly, not on every push"], load.Plan[2].SubSteps);

        Assert.Equal([1, 2], result.Phase!.MatrixRows.Select(r => r.ItemNumber ?? -1));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Empty_phase_has_no_items_and_its_number()
    {
        var result = Documents.Read(Documents.Golden("empty-phase.md"));
        var phase = result.Phase!;

        Assert.Equal(3, phase.Number);
        Assert.Equal("Track work deferred from Phase 2 to Phase 3.", phase.Purpose);
        Assert.Equal("Phase 2 In Progress → Phase 3 Not Yet Planned", phase.StatusLine);
        Assert.Equal("To be estimated once Phase 2 closes", phase.Timeline);
        Assert.Empty(phase.Items);
        Assert.Empty(phase.MatrixRows);
        Assert.Empty(phase.RoadmapWeeks);
        Assert.Empty(result.DecisionRecords);
        Assert.Equal([("Phase 2 Tracking", "./PHASE2_TRACKING.md")], phase.RelatedDocuments.Select(d => (d.Title, d.Url)));
        Assert.Equal("0.1", phase.Version);
        Assert.Equal("December 1, 2025", phase.LastUpdated);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Bom_and_genuine_non_ascii_text_are_kept_as_they_are()
    {
        var bytes = Documents.Golden("bom-and-mixed.md");
        Assert.Equal("EF-BB-BF", Convert.ToHexString(bytes, 0, 3).Insert(4, "-").Insert(2, "-"));

        var result = Documents.Read(bytes);
        var phase = result.Phase!;
        Assert.Equal('\uFEFF', result.Text[0]);
        Assert.Equal("📋 Phase 2 Tracking — Deferred Items (İstanbul & São Paulo)", phase.Title);
        Assert.Equal(2, phase.Number);

        var turkish = Documents.Item(result, 1);
        Assert.Equal("Doğan Yılmaz", turkish.Owner);
        Assert.Equal("çeviri dosyası eksik", turkish.StatusNote);
        Assert.Equal("Dotted and dotless i (İ/ı) break the search index: \"DİYARBAKIR\" ≠ \"diyarbakir\"", turkish.WhyDeferred[0]);
        Assert.Equal("Translator Şükrü Öztürk was on leave", turkish.WhyDeferred[1]);
        Assert.Equal("Use culture-aware casing for `tr-TR` (Iğdır, Muğla, Çağlayan)", turkish.Plan[0].Text);
        Assert.Equal("Ship the “Türkçe” language switch", turkish.Plan[2].Text);

        var portuguese = Documents.Item(result, 2);
        Assert.Equal("São João", portuguese.Owner);
        Assert.Equal(
            ["Templates for “Nota Fiscal de Serviço”", "Accents in PDF fonts (ação, informação, Conceição)", "ATUALIZAÇÃO banner for the São João release"],
            portuguese.Missing);

        Assert.Equal(["Doğan Yılmaz", "São João"], phase.MatrixRows.Select(r => r.Cells[^1]));
        Assert.Equal([1, 2], phase.MatrixRows.Select(r => r.ItemNumber ?? -1));
        Assert.Equal(["Yerelleştirme Rehberi", "Guia de Localização"], phase.RelatedDocuments.Select(d => d.Title));
        Assert.Equal("12 Kasım 2025", phase.LastUpdated);
        Assert.Equal("Phase 2 Planning — €0 budget, ½ day buffer", phase.FooterStatus);
        Assert.Empty(result.Warnings);
    }

    // ---------------------------------------------------------------- minimal diffs on the seed

    [Fact]
    public void Changing_an_items_effort_changes_its_line_its_matrix_cell_and_the_total()
    {
        var (result, before) = Seed();

        Documents.Item(result, 3).EffortHours = 6;
        var after = Documents.Export(result);

        Assert.Equal(
            [
                "-**Estimated Effort:** 4 hours", "+**Estimated Effort:** 6 hours",
                "-| Load Testing | P1 | 4h | High | 2 | Backend |", "+| Load Testing | P1 | 6h | High | 2 | Backend |",
                "-**Total Phase 2 Effort:** 25 hours (~3.1 developer-days)", "+**Total Phase 2 Effort:** 27 hours (~3.4 developer-days)",
            ],
            LineDiff(before, after));
        AssertSameText(
            Edited(before,
                ("**Estimated Effort:** 4 hours", "**Estimated Effort:** 6 hours"),
                ("| Load Testing | P1 | 4h |", "| Load Testing | P1 | 6h |"),
                ("25 hours (~3.1 developer-days)", "27 hours (~3.4 developer-days)")),
            after);
    }

    [Fact]
    public void Changing_an_owner_the_matrix_disagreed_with_changes_only_the_owner_line()
    {
        var (result, before) = Seed();

        Documents.Item(result, 1).Owner = "Alice Chen";
        var after = Documents.Export(result);

        Assert.Equal(["-**Owner:** [TBD]", "+**Owner:** Alice Chen"], Documents.ChangedLines(before, after));
        Assert.Contains("| studio-settings-form | P2 | 2h | Medium | 2 | Frontend |\n", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_an_owner_the_matrix_agreed_with_changes_the_owner_line_and_its_cell()
    {
        var (result, before) = Seed();

        Documents.Item(result, 5).Owner = "Platform";
        var after = Documents.Export(result);

        Assert.Equal(
            [
                "-**Owner:** DevOps", "+**Owner:** Platform",
                "-| Monitoring Dashboard | P0 | 8h | Critical | 2 | DevOps |", "+| Monitoring Dashboard | P0 | 8h | Critical | 2 | Platform |",
            ],
            LineDiff(before, after));
        AssertSameText(
            Edited(before,
                ("**Priority:** P0 (Critical)\n\n**Owner:** DevOps", "**Priority:** P0 (Critical)\n\n**Owner:** Platform"),
                ("| Critical | 2 | DevOps |", "| Critical | 2 | Platform |")),
            after);
    }

    [Fact]
    public void Adding_a_plan_step_adds_one_line_in_the_lists_style()
    {
        var (result, before) = Seed();

        Documents.Item(result, 3).Plan.Add(new PlanStep("Document how to run the suite locally"));
        var after = Documents.Export(result);

        Assert.Equal(["+5. Document how to run the suite locally"], Documents.ChangedLines(before, after));
        AssertSameText(
            Edited(before, ("4. Set performance budgets\n", "4. Set performance budgets\n5. Document how to run the suite locally\n")),
            after);
    }

    [Fact]
    public void Removing_a_missing_entry_removes_one_line()
    {
        var (result, before) = Seed();

        Assert.True(Documents.Item(result, 2).Missing.Remove("Bundle analyzer report generation"));
        var after = Documents.Export(result);

        Assert.Equal(["-- Bundle analyzer report generation"], Documents.ChangedLines(before, after));
        AssertSameText(Edited(before, ("- Bundle analyzer report generation\n", "")), after);
    }

    [Fact]
    public void Setting_a_completion_date_and_pr_adds_their_lines_before_the_items_rule()
    {
        var (result, before) = Seed();

        var item = Documents.Item(result, 3);
        item.CompletedOn = "November 20, 2025";
        item.PullRequest = "https://github.com/acme/app/pull/42";
        var after = Documents.Export(result);

        AssertSameText(
            Edited(before, (
                "**Owner:** Backend Team\n\n---\n",
                "**Owner:** Backend Team\n\n**Completed:** November 20, 2025\n\n**PR:** https://github.com/acme/app/pull/42\n\n---\n")),
            after);
        var changed = LineDiff(before, after);
        Assert.All(changed, line => Assert.StartsWith("+", line, StringComparison.Ordinal));
        Assert.Equal(4, changed.Count);
    }

    [Fact]
    public void Changing_a_decision_records_status_changes_only_its_status_line()
    {
        var (result, before) = Seed();

        result.DecisionRecords.Single(r => r.Number == 2).Status = "Deprecated ⚠️";
        var after = Documents.Export(result);

        Assert.Equal(["-**Status:** Accepted ✅", "+**Status:** Deprecated ⚠️"], Documents.ChangedLines(before, after));
        AssertSameText(
            Edited(before, (
                "### ADR-002: Unified HTTP Client vs. Multiple Clients\n\n**Date:** November 12, 2025\n\n**Status:** Accepted ✅",
                "### ADR-002: Unified HTTP Client vs. Multiple Clients\n\n**Date:** November 12, 2025\n\n**Status:** Deprecated ⚠️")),
            after);
    }

    [Fact]
    public void Changing_a_roadmap_blocks_title_changes_only_its_line()
    {
        var (result, before) = Seed();

        result.Phase!.RoadmapWeeks.Single(w => w.Number == 2).Blocks.Single(b => b.StartDay == 6).Title = "Cleanup, Polish & Docs";
        var after = Documents.Export(result);

        Assert.Equal(["-Day 6: Cleanup & Polish", "+Day 6: Cleanup, Polish & Docs"], Documents.ChangedLines(before, after));
        AssertSameText(Edited(before, ("Day 6: Cleanup & Polish\n", "Day 6: Cleanup, Polish & Docs\n")), after);
    }

    [Fact]
    public void Changing_an_items_priority_changes_its_line_and_its_matrix_cell()
    {
        var (result, before) = Seed();

        var item = Documents.Item(result, 3);
        item.Priority = 0;
        item.PriorityLabel = "Critical";
        var after = Documents.Export(result);

        Assert.Equal(
            [
                "-**Priority:** P1 (High)", "+**Priority:** P0 (Critical)",
                "-| Load Testing | P1 | 4h | High | 2 | Backend |", "+| Load Testing | P0 | 4h | High | 2 | Backend |",
            ],
            LineDiff(before, after));
    }

    [Fact]
    public void Renaming_an_item_changes_its_heading_but_not_the_matrix_label_it_never_equalled()
    {
        var (result, before) = Seed();

        Documents.Item(result, 4).Title = "Frontend End-to-End Tests";
        var after = Documents.Export(result);

        Assert.Equal(["-### 4. Frontend Integration Tests", "+### 4. Frontend End-to-End Tests"], Documents.ChangedLines(before, after));
    }

    [Fact]
    public void Changing_the_footer_version_keeps_its_hard_line_break()
    {
        var (result, before) = Seed();

        result.Phase!.Version = "1.1";
        var after = Documents.Export(result);

        Assert.Equal(["-**Version:** 1.0  ", "+**Version:** 1.1  "], Documents.ChangedLines(before, after));
    }

    [Fact]
    public void Saving_the_seed_with_no_changed_value_gives_the_identical_text()
    {
        var (result, before) = Seed();

        SetEveryFieldToItsOwnValue(result);

        var after = Documents.Export(result);
        Assert.Empty(Documents.ChangedLines(before, after));
        Assert.Equal(before, after);
    }

    [Fact]
    public void Deleting_an_item_removes_its_section_and_its_matrix_row_and_updates_the_total()
    {
        var (result, before) = Seed();

        Assert.True(result.Phase!.Items.Remove(Documents.Item(result, 2)));
        var after = Documents.Export(result);

        var start = before.IndexOf("### 2. Complete Bundle Analysis", StringComparison.Ordinal);
        var end = before.IndexOf("### 3. Load Testing Suite", StringComparison.Ordinal);
        var section = before[start..end];
        AssertSameText(
            Edited(before,
                (section, ""),
                ("| Bundle Analysis CI | P2 | 3h | Medium | 2 | DevOps |\n", ""),
                ("25 hours (~3.1 developer-days)", "22 hours (~2.8 developer-days)")),
            after);
    }

    [Fact]
    public void Adding_an_item_adds_its_section_after_the_last_item_and_a_matrix_row()
    {
        var (result, before) = Seed();

        result.Phase!.Items.Add(new DeferredItem
        {
            Number = 6,
            Title = "Accessibility Audit",
            StatusEmoji = "❌",
            StatusLabel = "Not Started",
            WhyDeferred = ["Needs the design system tokens first"],
            Plan = [new PlanStep("Run axe on the critical pages"), new PlanStep("Fix contrast issues", ["Buttons", "Form errors"])],
            EffortHours = 5,
            Priority = 2,
            PriorityLabel = "Medium",
            Impact = "Medium",
            Owner = "Frontend Team",
        });
        var after = Documents.Export(result);

        const string section =
            "### 6. Accessibility Audit\n\n" +
            "**Status:** ❌ **Not Started**\n\n" +
            "**Why Deferred:**\n- Needs the design system tokens first\n\n" +
            "**Plan for Phase 2:**\n1. Run axe on the critical pages\n2. Fix contrast issues\n   - Buttons\n   - Form errors\n\n" +
            "**Estimated Effort:** 5 hours\n\n" +
            "**Priority:** P2 (Medium)\n\n" +
            "**Owner:** Frontend Team\n\n" +
            "---\n\n";
        AssertSameText(
            Edited(before,
                ("## 📊 Phase 2 Priority Matrix\n", section + "## 📊 Phase 2 Priority Matrix\n"),
                ("| Bundle Analysis CI | P2 | 3h | Medium | 2 | DevOps |\n",
                 "| Bundle Analysis CI | P2 | 3h | Medium | 2 | DevOps |\n| Accessibility Audit | P2 | 5h | Medium | 2 | Frontend Team |\n"),
                ("25 hours (~3.1 developer-days)", "30 hours (~3.8 developer-days)")),
            after);

        // The new document reads back with the new item matched to its new row.
        var again = Documents.Read(Encoding.UTF8.GetBytes(after));
        Assert.Equal([1, 2, 3, 4, 5, 6], again.Phase!.Items.Select(i => i.Number));
        Assert.Equal(6, again.Phase.MatrixRows[^1].ItemNumber);
        Assert.Equal(Fingerprint.Of(result.Phase.Items[^1]), Fingerprint.Of(again.Phase.Items[^1]));
    }

    // ---------------------------------------------------------------- minimal diffs on the golden documents

    [Fact]
    public void Crlf_document_edit_keeps_crlf_on_changed_and_new_lines()
    {
        var result = Documents.Read(Documents.Golden("crlf.md"));
        var before = Documents.Export(result);

        Documents.Item(result, 1).EffortHours = 7;
        Documents.Item(result, 2).Missing.Add("Check the CI scripts too");
        result.Phase!.Items.Add(new DeferredItem { Number = 3, Title = "Crash Reporter", EffortHours = 2, Priority = 2, PriorityLabel = "Medium", Owner = "Desktop Team" });
        var after = Documents.Export(result);

        Assert.Equal(after.Count(c => c == '\n'), CountOf(after, "\r\n"));
        AssertSameText(
            Edited(before,
                ("**Estimated Effort:** 6 hours\r\n\r\n**Priority:** P1", "**Estimated Effort:** 7 hours\r\n\r\n**Priority:** P1"),
                ("- Renormalize the docs folder\r\n", "- Renormalize the docs folder\r\n- Check the CI scripts too\r\n"),
                ("## 📊 Phase 5 Priority Matrix\r\n",
                 "### 3. Crash Reporter\r\n\r\n**Estimated Effort:** 2 hours\r\n\r\n**Priority:** P2 (Medium)\r\n\r\n**Owner:** Desktop Team\r\n\r\n---\r\n\r\n## 📊 Phase 5 Priority Matrix\r\n"),
                ("| Windows Installer | P1 | 6h |", "| Windows Installer | P1 | 7h |"),
                ("| Line Endings | P3 | 6h | Low | 5 | DevOps |\r\n", "| Line Endings | P3 | 6h | Low | 5 | DevOps |\r\n| Crash Reporter | P2 | 2h |  | 5 | Desktop Team |\r\n"),
                ("12 hours (~1.5 developer-days)", "15 hours (~1.9 developer-days)")),
            after);
    }

    [Fact]
    public void Abbreviated_owner_cell_stays_when_the_owner_changes()
    {
        var result = Documents.Read(Documents.Golden("completed-items.md"));
        var before = Documents.Export(result);

        Documents.Item(result, 3).Owner = "Web Team";
        var after = Documents.Export(result);

        // "Frontend" never equalled the old value "Frontend Team", so it is not rewritten (PRODUCT.md rule 2).
        Assert.Equal(["-**Owner:** Frontend Team", "+**Owner:** Web Team"], Documents.ChangedLines(before, after));
    }

    [Fact]
    public void Clearing_completion_removes_the_date_and_pr_lines()
    {
        var result = Documents.Read(Documents.Golden("completed-items.md"));
        var before = Documents.Export(result);

        var item = Documents.Item(result, 2);
        item.CompletedOn = null;
        item.PullRequest = null;
        var after = Documents.Export(result);

        AssertSameText(
            Edited(before, ("**Completed:** November 24, 2025\n\n**PR:** https://github.com/acme/app/pull/57\n\n", "")),
            after);
    }

    [Fact]
    public void Adding_a_decision_record_that_supersedes_another()
    {
        var result = Documents.Read(Documents.Golden("superseded-adr.md"));
        var before = Documents.Export(result);

        var current = result.DecisionRecords.Single(r => r.Number == 6);
        current.Status = "Superseded by ADR-007";
        current.SupersededBy = 7;
        result.DecisionRecords.Add(new DecisionRecord
        {
            Number = 7,
            Title = "Store Sessions in Signed Cookies",
            Date = "December 5, 2025",
            Status = "Accepted ✅",
            Supersedes = 6,
            Context = ["Session data shrank to a user id and a CSRF token"],
            Decision = ["Keep sessions in signed, encrypted cookies"],
        });
        var after = Documents.Export(result);

        const string added =
            "### ADR-007: Store Sessions in Signed Cookies\n\n" +
            "**Date:** December 5, 2025\n\n" +
            "**Status:** Accepted ✅\n\n" +
            "**Supersedes:** ADR-006\n\n" +
            "**Context:**\n- Session data shrank to a user id and a CSRF token\n\n" +
            "**Decision:**\n- Keep sessions in signed, encrypted cookies\n\n" +
            "---\n\n";
        AssertSameText(
            Edited(before,
                ("**Status:** Accepted ✅\n\n**Supersedes:** ADR-005", "**Status:** Superseded by ADR-007\n\n**Supersedes:** ADR-005"),
                ("## 📚 Related Documentation", added + "## 📚 Related Documentation")),
            after);

        var again = Documents.Read(Encoding.UTF8.GetBytes(after));
        Assert.Equal(7, again.DecisionRecords.Single(r => r.Number == 6).SupersededBy);
        Assert.Equal(6, again.DecisionRecords.Single(r => r.Number == 7).Supersedes);
    }

    [Fact]
    public void Nested_plan_edits_follow_the_lists_own_markers_and_keep_trailing_spaces()
    {
        var result = Documents.Read(Documents.Golden("nested-plan.md"));
        var before = Documents.Export(result);

        var plan = Documents.Item(result, 1).Plan;
        plan[1] = plan[1] with { SubSteps = [.. plan[1].SubSteps, "Session timeout"] };
        plan.Add(new PlanStep("Agree on a flaky-test policy"));
        var after = Documents.Export(result);

        AssertSameText(
            Edited(before,
                ("   * Error handling (network failure)\n", "   * Error handling (network failure)\n   * Session timeout\n"),
                ("4) Document how to run the tests locally\n", "4) Document how to run the tests locally\n5) Agree on a flaky-test policy\n")),
            after);
    }

    [Fact]
    public void Adding_a_sub_step_keeps_the_deeper_levels_of_that_step()
    {
        var result = Documents.Read(Documents.Golden("nested-plan.md"));
        var before = Documents.Export(result);

        var plan = Documents.Item(result, 2).Plan;
        plan[2] = plan[2] with { SubSteps = [.. plan[2].SubSteps, "Fail the run on a 20% regression"] };
        var after = Documents.Export(result);

        // The model holds one level of sub-steps; the third level is text the export must not lose.
        AssertSameText(
            Edited(before, (
                "   - Nightly, not on every push\n     - Results posted to the team channel\n",
                "   - Nightly, not on every push\n     - Results posted to the team channel\n   - Fail the run on a 20% regression\n")),
            after);
    }

    [Fact]
    public void Adding_the_first_item_to_an_empty_phase()
    {
        var result = Documents.Read(Documents.Golden("empty-phase.md"));
        var before = Documents.Export(result);

        result.Phase!.Items.Add(new DeferredItem { Number = 1, Title = "Search Reindex Job", EffortHours = 4, Priority = 1, PriorityLabel = "High", Impact = "High", Owner = "Backend Team" });
        var after = Documents.Export(result);

        AssertSameText(
            Edited(before,
                ("## 📊 Phase 3 Priority Matrix\n",
                 "### 1. Search Reindex Job\n\n**Estimated Effort:** 4 hours\n\n**Priority:** P1 (High)\n\n**Owner:** Backend Team\n\n---\n\n## 📊 Phase 3 Priority Matrix\n"),
                ("|------|----------|--------|--------|-------|-------|\n",
                 "|------|----------|--------|--------|-------|-------|\n| Search Reindex Job | P1 | 4h | High | 3 | Backend Team |\n"),
                ("0 hours (~0.0 developer-days)", "4 hours (~0.5 developer-days)")),
            after);

        var again = Documents.Read(Encoding.UTF8.GetBytes(after));
        Assert.Equal(1, Assert.Single(again.Phase!.MatrixRows).ItemNumber);
        Assert.Empty(again.Warnings);
    }

    [Fact]
    public void Non_ascii_owner_change_rewrites_the_owner_and_its_cell_and_keeps_the_bom()
    {
        var result = Documents.Read(Documents.Golden("bom-and-mixed.md"));
        var before = Documents.Export(result);

        Documents.Item(result, 2).Owner = "Conceição Araújo";
        var after = Documents.Export(result);

        Assert.StartsWith("\uFEFF# 📋", after, StringComparison.Ordinal);
        Assert.Equal(
            [
                "-**Owner:** São João", "+**Owner:** Conceição Araújo",
                "-| Portuguese Invoices | P2 | 7h | Medium | 2 | São João |", "+| Portuguese Invoices | P2 | 7h | Medium | 2 | Conceição Araújo |",
            ],
            LineDiff(before, after));
    }

    // ---------------------------------------------------------------- helpers

    private static (ReadResult Result, string Before) Seed()
    {
        var result = Documents.Read(Documents.Seed());
        var before = Documents.Export(result);
        Assert.Equal(result.Text, before);
        return (result, before);
    }

    private static bool Mentions(DocumentWarning warning, params string[] parts) =>
        parts.All(p => warning.Message.Contains(p, StringComparison.Ordinal));

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The text with each replacement made; each old text must occur exactly once.</summary>
    private static string Edited(string text, params (string Old, string New)[] replacements)
    {
        foreach (var (old, replacement) in replacements)
        {
            Assert.True(CountOf(text, old) == 1, $"the test's anchor occurs {CountOf(text, old)} times, not once: {Visible(old)}");
            text = text.Replace(old, replacement, StringComparison.Ordinal);
        }

        return text;
    }

    private static void AssertSameText(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return;
        }

        var diff = LineDiff(expected, actual).Select(Visible);
        Assert.Fail($"The export differs from what was expected (- expected, + actual; ␍ is CR, · a trailing space):\n{string.Join('\n', diff)}");
    }

    private static string Visible(string line)
    {
        var trimmed = line.TrimEnd(' ', '\r');
        var tail = line[trimmed.Length..].Replace(" ", "·", StringComparison.Ordinal).Replace("\r", "␍", StringComparison.Ordinal);
        return trimmed.Replace("\r", "␍", StringComparison.Ordinal).Replace("\n", "⏎", StringComparison.Ordinal) + tail;
    }

    /// <summary>
    /// The lines that differ, "-old" then "+new" for each place that changed, from a longest common
    /// subsequence of lines. Unlike <see cref="Documents.ChangedLines"/> it does not run from the first
    /// change to the last, so edits in several places (an item and its matrix row) show as what they are.
    /// </summary>
    private static List<string> LineDiff(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var x = a[prefix..^suffix];
        var y = b[prefix..^suffix];
        var lcs = new int[x.Length + 1, y.Length + 1];
        for (var i = x.Length - 1; i >= 0; i--)
        {
            for (var j = y.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = x[i] == y[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var changes = new List<string>();
        var removed = new List<string>();
        var added = new List<string>();
        void Flush()
        {
            changes.AddRange(removed);
            changes.AddRange(added);
            removed.Clear();
            added.Clear();
        }

        int p = 0, q = 0;
        while (p < x.Length || q < y.Length)
        {
            if (p < x.Length && q < y.Length && x[p] == y[q])
            {
                Flush();
                p++;
                q++;
            }
            else if (q == y.Length || (p < x.Length && lcs[p + 1, q] >= lcs[p, q + 1]))
            {
                removed.Add("-" + x[p++]);
            }
            else
            {
                added.Add("+" + y[q++]);
            }
        }

        Flush();
        return changes;
    }

    /// <summary>Sets every value of the model to a copy of itself: a save that changes nothing.</summary>
    private static void SetEveryFieldToItsOwnValue(ReadResult result)
    {
        static string? Copy(string? value) => value is null ? null : new string(value.AsSpan());
        static List<string> CopyAll(List<string> values) => [.. values.Select(v => Copy(v)!)];

        var phase = result.Phase!;
        phase.Title = Copy(phase.Title)!;
        phase.Purpose = Copy(phase.Purpose);
        phase.StatusLine = Copy(phase.StatusLine);
        phase.Timeline = Copy(phase.Timeline);
        phase.LastUpdated = Copy(phase.LastUpdated);
        phase.Version = Copy(phase.Version);
        phase.FooterStatus = Copy(phase.FooterStatus);

        foreach (var item in phase.Items)
        {
            item.Title = Copy(item.Title)!;
            item.FilePath = Copy(item.FilePath);
            item.StatusEmoji = Copy(item.StatusEmoji);
            item.StatusLabel = Copy(item.StatusLabel);
            item.StatusNote = Copy(item.StatusNote);
            item.WhyDeferred = CopyAll(item.WhyDeferred);
            item.Done = CopyAll(item.Done);
            item.Missing = CopyAll(item.Missing);
            item.Plan = [.. item.Plan.Select(s => new PlanStep(Copy(s.Text)!, CopyAll(s.SubSteps)))];
            item.EffortHours = item.EffortHours is { } hours ? hours + 0.0 : null;
            item.Priority = item.Priority is { } priority ? priority + 0 : null;
            item.PriorityLabel = Copy(item.PriorityLabel);
            item.Impact = Copy(item.Impact);
            item.Owner = Copy(item.Owner);
            item.TrackingIssue = Copy(item.TrackingIssue);
            item.CompletedOn = Copy(item.CompletedOn);
            item.PullRequest = Copy(item.PullRequest);
        }

        foreach (var row in phase.MatrixRows)
        {
            row.Label = Copy(row.Label)!;
            row.Cells = CopyAll(row.Cells);
        }

        foreach (var week in phase.RoadmapWeeks)
        {
            week.Theme = Copy(week.Theme)!;
            week.Blocks =
            [
                .. week.Blocks.Select(b => new RoadmapBlock
                {
                    StartDay = b.StartDay,
                    EndDay = b.EndDay,
                    Title = Copy(b.Title)!,
                    Tasks = CopyAll(b.Tasks),
                    ItemNumbers = [.. b.ItemNumbers],
                }),
            ];
        }

        foreach (var record in result.DecisionRecords)
        {
            record.Title = Copy(record.Title)!;
            record.Date = Copy(record.Date);
            record.Status = Copy(record.Status);
            record.Context = CopyAll(record.Context);
            record.Decision = CopyAll(record.Decision);
            record.Consequences = [.. record.Consequences.Select(c => new Consequence(c.Positive, Copy(c.Mark)!, Copy(c.Text)!))];
            record.Alternatives = [.. record.Alternatives.Select(a => new Alternative(Copy(a.Option)!, Copy(a.Verdict), Copy(a.Reason)))];
            record.Supersedes = record.Supersedes;
            record.SupersededBy = record.SupersededBy;
        }
    }
}
