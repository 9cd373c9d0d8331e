using System.Net;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.IntegrationTests.Items.Editing;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Dashboard;

/// <summary>A lead edits a phase's overview in its form; the export changes only the edited field's line.</summary>
public sealed class PhaseOverviewFormTests
{
    private const string Form = "/phases/2/edit";

    private static Task<List<HistoryEntry>> PhaseHistoryAsync(PhaseTrackerFactory factory) =>
        factory.ReadAsync(db => db.HistoryEntries.AsNoTracking()
            .Where(h => h.RecordType == HistoryRecordType.Phase && h.Actor != Web.Infrastructure.DatabaseStartup.FirstStartActor)
            .OrderBy(h => h.Id).ToListAsync());

    [Fact]
    public async Task A_lead_edits_the_timeline_and_only_its_line_changes_in_the_export()
    {
        using var factory = new PhaseTrackerFactory();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            Assert.Contains($"href=\"{Form}\"", await lead.GetPageAsync("/"), StringComparison.Ordinal);
            var before = await factory.ExportAsync();

            using var saved = await lead.SubmitAsync(Form, Form, form => form.With("Timeline", "Phase 2 estimated 3 developer-days (see audit)"));

            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal("/?phase=2&done=saved", saved.RedirectPath());
            Assert.Equal(
                ["-**Timeline:** Phase 2 estimated 4 developer-days (see audit)", "+**Timeline:** Phase 2 estimated 3 developer-days (see audit)"],
                LineDiff.Changes(before, await factory.ExportAsync()));
            var page = await lead.GetPageAsync("/?phase=2&done=saved");
            Assert.Contains("Overview saved.", page, StringComparison.Ordinal);
            Assert.Contains("Phase 2 estimated 3 developer-days (see audit)", page, StringComparison.Ordinal);
            var entry = Assert.Single(await PhaseHistoryAsync(factory));
            Assert.Equal((HistoryAction.Changed, "form"), (entry.Action, entry.Via));

            // The same form again, nothing changed: nothing is written.
            using var again = await lead.SubmitAsync(Form, Form, _ => { });
            Assert.Equal("/?phase=2&done=unchanged", again.RedirectPath());
            Assert.Single(await PhaseHistoryAsync(factory));
        }
    }

    [Theory]
    [InlineData("Title", "", "Give the phase a title.")]
    [InlineData("Title", null, "Keep the title to at most 200 characters.")]
    public async Task An_invalid_title_shows_its_message_next_to_the_field_and_saves_nothing(string field, string? value, string message)
    {
        using var factory = new PhaseTrackerFactory();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            var before = await factory.ExportAsync();

            using var refused = await lead.SubmitAsync(Form, Form, form => form.With(field, value ?? new string('x', 201)));

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Matches($"data-error-for=\"{field}\">{System.Text.RegularExpressions.Regex.Escape(message)}<", await refused.BodyAsync());
            Assert.Equal(before, await factory.ExportAsync());
            Assert.Empty(await PhaseHistoryAsync(factory));
        }
    }

    [Fact]
    public async Task A_stale_overview_form_gets_the_conflict_page_and_overwrites_nothing()
    {
        using var factory = new PhaseTrackerFactory();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            var (action, stale) = await lead.ReadFormAsync(Form, Form);
            using (var first = await lead.SubmitAsync(Form, Form, form => form.With("Status", "Phase 2 In Progress")))
            {
                Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            }

            var exported = await factory.ExportAsync();
            using var conflict = await lead.PostAsync(action, stale.With("Status", "Phase 2 Done"));

            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            var page = await conflict.BodyAsync();
            Assert.Contains("Phase 2 In Progress", page, StringComparison.Ordinal);
            Assert.Contains("Phase 2 Done", page, StringComparison.Ordinal);
            Assert.Equal(exported, await factory.ExportAsync());
        }
    }

    [Fact]
    public async Task An_unknown_phase_has_no_overview_form()
    {
        using var factory = new PhaseTrackerFactory();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            using var missing = await lead.GetAsync(new Uri("/phases/9/edit", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    [Fact]
    public async Task A_viewer_sees_no_edit_link_and_cannot_open_the_form()
    {
        using var factory = new PhaseTrackerFactory();
        var (viewer, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (viewer)
        {
            Assert.DoesNotContain(Form, await viewer.GetPageAsync("/"), StringComparison.Ordinal);
            using var refused = await viewer.GetAsync(new Uri(Form, UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }
    }
}
