using System.Net;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.IntegrationTests.Roadmap.Editing;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Import;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Adrs.Editing;

/// <summary>A lead writes decision records, edits them and moves them through their lifecycle; the export changes only where they did.</summary>
public sealed partial class AdrEditingTests
{
    private static async Task<(PhaseTrackerFactory Factory, HttpClient Lead)> StartAsync()
    {
        var factory = new PhaseTrackerFactory();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        return (factory, lead);
    }

    private static Task<int> RecordIdAsync(PhaseTrackerFactory factory, int number) =>
        factory.QueryAsync(db => db.DecisionRecords.Where(d => d.Number == number).Select(d => d.Id).SingleAsync());

    /// <summary>Fills the new-record form and creates it; returns where the app sent the browser.</summary>
    private static async Task<string?> CreateAsync(HttpClient lead, string title)
    {
        var form = await Form.ReadAsync(lead, "/adrs/new", "/adrs/new");
        form = await form.PressAsync(lead, "/adrs/new", "Context:add");
        form = await form.PressAsync(lead, "/adrs/new", "Decision:add");
        form = await form.PressAsync(lead, "/adrs/new", "Consequences:add");
        form = await form.PressAsync(lead, "/adrs/new", "Consequences:add");
        form = await form.PressAsync(lead, "/adrs/new", "Alternatives:add");
        form.Set("Form.Title", title)
            .Set("Form.Context[0]", "Releases are risky")
            .Set("Form.Decision[0]", "Use feature flags")
            .Set("Form.Consequences[0].Text", "Safer releases")
            .Set("Form.Consequences[1].Positive", "false").Set("Form.Consequences[1].Text", "More branches in code")
            .Set("Form.Alternatives[0].Option", "Release trains").Set("Form.Alternatives[0].Verdict", "Rejected").Set("Form.Alternatives[0].Reason", "Too slow");
        using var response = await form.PostAsync(lead, "/adrs/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.RedirectPath();
    }

    private static async Task<HttpResponseMessage> MoveAsync(HttpClient lead, int number, string to, string? by = null)
    {
        var form = await Form.ReadAsync(lead, $"/adrs/{number}", $"/adrs/{number}/status");
        form.Set("to", to);
        if (by is not null)
        {
            form.Set("by", by);
        }

        return await form.PostAsync(lead, $"/adrs/{number}");
    }

    [Fact]
    public async Task A_new_record_takes_the_next_number_starts_proposed_and_is_exported_in_the_seed_s_style()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var before = await factory.ExportAsync();
            var page = await lead.GetPageAsync("/adrs/new");
            Assert.Contains("New decision record ADR-005", page, StringComparison.Ordinal);
            Assert.Matches(DocumentDate(), Form.Parse(page, "/adrs/new")["Form.Date"]!);

            Assert.Equal("/adrs/5?done=created", await CreateAsync(lead, "Feature Flags"));
            var details = await lead.GetPageAsync("/adrs/5?done=created");
            Assert.Contains("Decision record created.", details, StringComparison.Ordinal);
            Assert.Contains("Proposed", details, StringComparison.Ordinal);

            var after = await factory.ExportAsync();
            var date = await factory.QueryAsync(db => db.DecisionRecords.Where(d => d.Number == 5).Select(d => d.Date).SingleAsync());
            Assert.Contains(
                $"---\n\n### ADR-005: Feature Flags\n\n**Date:** {date}\n\n**Status:** Proposed\n\n**Context:**\n- Releases are risky\n\n**Decision:**\n- Use feature flags\n\n"
                + "**Consequences:**\n- ✅ Safer releases\n- ⚠️ More branches in code\n\n**Alternatives Considered:**\n1. Release trains\n   - Rejected: Too slow\n\n---\n\n## ",
                after,
                StringComparison.Ordinal);
            Assert.All(LineDiff.Changes(before, after), line => Assert.StartsWith("+", line, StringComparison.Ordinal));

            var created = Assert.Single(await factory.HistoryAsync(HistoryRecordType.DecisionRecord, await RecordIdAsync(factory, 5)));
            Assert.Equal((HistoryAction.Created, "ADR-005: Feature Flags"), (created.Action, created.RecordLabel));
            Assert.Contains("id=\"record-history\"", details, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_number_is_never_handed_out_again_even_after_an_import_removed_its_record()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            Assert.Equal("/adrs/5?done=created", await CreateAsync(lead, "Feature Flags"));

            // The seed does not have ADR-005: importing it again with "remove what the document no longer
            // has" takes the record out of the phase (without it, the three-way merge keeps what a form added).
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var removal = new ImportOptions { Missing = MissingRecords.Remove };
                Assert.True((await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(Seed.Bytes, removal)).Accepted);
            }
            Assert.False(await factory.QueryAsync(db => db.DecisionRecords.AnyAsync(d => d.Number == 5)));

            Assert.Contains("New decision record ADR-006", await lead.GetPageAsync("/adrs/new"), StringComparison.Ordinal);
            Assert.Equal("/adrs/6?done=created", await CreateAsync(lead, "Canary Releases"));
        }
    }

    [Fact]
    public async Task An_edit_changes_only_its_lines_and_a_save_without_change_leaves_the_export_byte_identical()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var before = await factory.ExportAsync();
            var form = await Form.ReadAsync(lead, "/adrs/3/edit", "/adrs/3/edit");
            using (var unchanged = await form.PostAsync(lead, "/adrs/3/edit"))
            {
                Assert.Equal("/adrs/3?done=unchanged", unchanged.RedirectPath());
            }

            Assert.Equal(before, await factory.ExportAsync());
            Assert.Empty(await factory.HistoryAsync(HistoryRecordType.DecisionRecord, await RecordIdAsync(factory, 3)));

            form = await form.PressAsync(lead, "/adrs/3/edit", "Consequences:add");
            form.Set("Form.Title", "Exponential Backoff with Jitter")
                .Set("Form.Consequences[4].Positive", "false").Set("Form.Consequences[4].Text", "Harder to reason about timing");
            using (var saved = await form.PostAsync(lead, "/adrs/3/edit"))
            {
                Assert.Equal("/adrs/3?done=saved", saved.RedirectPath());
            }

            Assert.Equal(
                ["-### ADR-003: Exponential Backoff for Retries", "+### ADR-003: Exponential Backoff with Jitter", "+- ⚠️ Harder to reason about timing"],
                LineDiff.Changes(before, await factory.ExportAsync()));
            var entry = Assert.Single(await factory.HistoryAsync(HistoryRecordType.DecisionRecord, await RecordIdAsync(factory, 3)));
            Assert.Equal(["Title", "Consequences"], entry.Changes.Select(c => c.Field));
            Assert.Contains("Harder to reason about timing", await lead.GetPageAsync("/adrs/3"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_title_is_required_and_the_message_stands_next_to_the_field()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var form = await Form.ReadAsync(lead, "/adrs/1/edit", "/adrs/1/edit");
            using var response = await form.Set("Form.Title", "").PostAsync(lead, "/adrs/1/edit");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Matches("data-valmsg-for=\"Form.Title\"[^>]*>Give the decision record a title.</span>", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Each_lifecycle_step_changes_the_status_line_and_is_recorded()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            await CreateAsync(lead, "Feature Flags");
            await CreateAsync(lead, "Canary Releases");

            var before = await factory.ExportAsync();
            using (var accepted = await MoveAsync(lead, 5, "Accepted"))
            {
                Assert.Equal("/adrs/5?done=accepted", accepted.RedirectPath());
            }

            var afterAccept = await factory.ExportAsync();
            Assert.Equal(["-**Status:** Proposed", "+**Status:** Accepted ✅"], LineDiff.Changes(before, afterAccept));

            using (var rejected = await MoveAsync(lead, 6, "Rejected"))
            {
                Assert.Equal("/adrs/6?done=rejected", rejected.RedirectPath());
            }

            var afterReject = await factory.ExportAsync();
            Assert.Equal(["-**Status:** Proposed", "+**Status:** Rejected ❌"], LineDiff.Changes(afterAccept, afterReject));

            using (var deprecated = await MoveAsync(lead, 5, "Deprecated"))
            {
                Assert.Equal("/adrs/5?done=deprecated", deprecated.RedirectPath());
            }

            Assert.Equal(["-**Status:** Accepted ✅", "+**Status:** Deprecated ⚠️"], LineDiff.Changes(afterReject, await factory.ExportAsync()));
            Assert.Contains("Deprecated ⚠️", await lead.GetPageAsync("/adrs/5"), StringComparison.Ordinal);
            var history = await factory.HistoryAsync(HistoryRecordType.DecisionRecord, await RecordIdAsync(factory, 5));
            Assert.Equal([HistoryAction.Created, HistoryAction.Changed, HistoryAction.Changed], history.Select(h => h.Action));
            Assert.Equal(("Status", "Accepted ✅", "Deprecated ⚠️"), (history[2].Changes[0].Field, history[2].Changes[0].Old, history[2].Changes[0].New));
        }
    }

    [Fact]
    public async Task Superseding_changes_both_records_and_both_pages_link_each_other()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var before = await factory.ExportAsync();
            using (var superseded = await MoveAsync(lead, 2, "Superseded", "4"))
            {
                Assert.Equal("/adrs/2?done=superseded", superseded.RedirectPath());
            }

            var after = await factory.ExportAsync();
            Assert.Equal(
                ["-**Status:** Accepted ✅", "+**Status:** Superseded by ADR-004", "+", "+**Supersedes:** ADR-002"],
                LineDiff.Changes(before, after));

            var older = await lead.GetPageAsync("/adrs/2");
            Assert.Contains("<a href=\"/adrs/4\">ADR-004</a>", PageTestDocuments.Section(older, "<dt class=\"col-sm-2\">Superseded by</dt>", "</dd>"), StringComparison.Ordinal);
            var newer = await lead.GetPageAsync("/adrs/4");
            Assert.Contains("<a href=\"/adrs/2\">ADR-002</a>", PageTestDocuments.Section(newer, "<dt class=\"col-sm-2\">Supersedes</dt>", "</dd>"), StringComparison.Ordinal);

            Assert.Equal("Superseded By", Assert.Single(await factory.HistoryAsync(HistoryRecordType.DecisionRecord, await RecordIdAsync(factory, 2))).Changes[^1].Field);
            Assert.Equal("Supersedes", Assert.Single(Assert.Single(await factory.HistoryAsync(HistoryRecordType.DecisionRecord, await RecordIdAsync(factory, 4))).Changes).Field);

            // The export reads back with both links.
            await factory.ImportAsync(after);
            Assert.Equal(after, await factory.ExportAsync());
        }
    }

    [Fact]
    public async Task A_transition_the_lifecycle_does_not_allow_is_refused_in_one_sentence()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var before = await factory.ExportAsync();
            using var response = await MoveAsync(lead, 1, "Rejected");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("ADR-001 is accepted; only a proposed record can be rejected.", html, StringComparison.Ordinal);
            Assert.Equal(before, await factory.ExportAsync());
        }
    }

    [Fact]
    public async Task A_stale_record_form_gets_the_conflict_page_and_saves_nothing()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var first = await Form.ReadAsync(lead, "/adrs/4/edit", "/adrs/4/edit");
            var second = await Form.ReadAsync(lead, "/adrs/4/edit", "/adrs/4/edit");
            using (var saved = await first.Set("Form.Title", "Theirs").PostAsync(lead, "/adrs/4/edit"))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            var exported = await factory.ExportAsync();
            using var stale = await second.Set("Form.Title", "Mine").PostAsync(lead, "/adrs/4/edit");
            var html = await stale.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains("Someone else saved ADR-004: Theirs first", html, StringComparison.Ordinal);
            Assert.Equal(exported, await factory.ExportAsync());
        }
    }

    [Fact]
    public async Task Leads_see_the_edit_and_lifecycle_buttons_and_viewers_do_not()
    {
        using var factory = new PhaseTrackerFactory();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        var (viewer, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (lead)
        using (viewer)
        {
            var forLead = await lead.GetPageAsync("/adrs/1");
            Assert.Contains("href=\"/adrs/1/edit\"", forLead, StringComparison.Ordinal);
            Assert.Contains("Mark superseded", forLead, StringComparison.Ordinal);
            Assert.Contains("href=\"/adrs/new\"", await lead.GetPageAsync("/adrs"), StringComparison.Ordinal);

            var forViewer = await viewer.GetPageAsync("/adrs/1");
            Assert.DoesNotContain("/adrs/1/edit", forViewer, StringComparison.Ordinal);
            Assert.DoesNotContain("/adrs/1/status", forViewer, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/adrs/new\"", await viewer.GetPageAsync("/adrs"), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^[A-Z][a-z]+ \d{1,2}, \d{4}$")]
    private static partial Regex DocumentDate();
}
