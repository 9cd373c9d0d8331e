using System.Globalization;
using System.Net;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Items.Editing;

/// <summary>A lead creates and edits items of the seed document through the forms; the export follows with minimal diffs.</summary>
public sealed class ItemEditTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    private async Task<HttpClient> LeadAsync() => (await factory.CreateSignedInBrowserAsync(Roles.Lead)).Browser;

    [Fact]
    public async Task A_created_item_appears_in_the_list_and_the_export_gains_its_section_and_matrix_row()
    {
        using var lead = await LeadAsync();
        var before = await factory.ExportAsync();

        using var response = await lead.SubmitAsync("/items/new?phase=2", "/items/new?phase=2", form => form
            .With("Title", "Search Relevance Tuning")
            .With("StatusEmoji", "❌").With("StatusLabel", "Not Started")
            .With("WhyDeferred[0]", "Needs real queries first")
            .With("Plan[0].Text", "Collect queries").With("Plan[0].SubSteps[0]", "From the logs")
            .With("Effort", "2.5").With("Priority", "P1").With("Impact", "High").With("Owner", "Search Team"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.RedirectPath()!;
        Assert.Matches("^/items/\\d+\\?done=created$", location);
        var id = int.Parse(location[7..location.IndexOf('?', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        var item = await factory.ItemAsync(id);
        Assert.Equal(6, item!.Number);
        Assert.Contains("Search Relevance Tuning", await lead.GetPageAsync("/items?phase=2"), StringComparison.Ordinal);
        Assert.Contains("Item created.", await lead.GetPageAsync(location), StringComparison.Ordinal);

        var after = await factory.ExportAsync();
        Assert.Contains(
            "### 6. Search Relevance Tuning\n\n**Status:** ❌ **Not Started**\n\n**Why Deferred:**\n- Needs real queries first\n\n" +
            "**Plan for Phase 2:**\n1. Collect queries\n   - From the logs\n\n**Estimated Effort:** 2.5 hours\n\n**Priority:** P1 (High)\n\n**Owner:** Search Team\n\n---\n",
            after, StringComparison.Ordinal);
        Assert.Contains("| Search Relevance Tuning | P1 | 2.5h | High | 2 | Search Team |", after, StringComparison.Ordinal);
        Assert.All(LineDiff.Changes(before, after).Where(l => l.StartsWith('-')), l => Assert.Contains("Effort", l, StringComparison.Ordinal));

        var history = Assert.Single(await factory.HistoryAsync(id));
        Assert.Equal(HistoryAction.Created, history.Action);
        Assert.Equal("form", history.Via);
    }

    [Fact]
    public async Task Editing_one_field_changes_only_that_fields_lines_in_the_export()
    {
        using var lead = await LeadAsync();
        var id = await factory.ItemIdAsync(2, 3);
        var stored = await factory.ItemAsync(id);
        var before = await factory.ExportAsync();

        using var response = await lead.SubmitAsync($"/items/{id}/edit", $"/items/{id}/edit", form => form.With("Owner", "Platform Team"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/items/{id}?done=saved", response.RedirectPath());
        var after = await factory.ExportAsync();

        // The matrix abbreviates the owner ("Backend"), so only the item's own line changes.
        Assert.Equal(["-**Owner:** Backend Team", "+**Owner:** Platform Team"], LineDiff.Changes(before, after));
        var saved = await factory.ItemAsync(id);
        Assert.Equal(stored!.RowVersion + 1, saved!.RowVersion);
        Assert.Contains("platform team", saved.SearchText, StringComparison.Ordinal);
        var entry = Assert.Single(await factory.HistoryAsync(id));
        Assert.Equal(HistoryAction.Changed, entry.Action);
        Assert.Equal(new FieldChange("Owner", "Backend Team", "Platform Team"), Assert.Single(entry.Changes));
        var page = await lead.GetPageAsync($"/items/{id}?done=saved");
        Assert.Contains("Changes saved.", page, StringComparison.Ordinal);
        var history = PageTestDocuments.Section(page, "id=\"record-history\"", "</section>");
        Assert.Contains("<strong>Changed</strong>", history, StringComparison.Ordinal);
        Assert.Contains("Platform Team", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_the_effort_changes_its_line_its_matrix_cell_and_the_total()
    {
        using var lead = await LeadAsync();
        var id = await factory.ItemIdAsync(2, 2);
        var before = await factory.ExportAsync();

        using var response = await lead.SubmitAsync($"/items/{id}/edit", $"/items/{id}/edit", form => form.With("Effort", "5"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var changed = LineDiff.Changes(before, await factory.ExportAsync());
        Assert.Contains("+**Estimated Effort:** 5 hours", changed);
        Assert.Contains("+| Bundle Analysis CI | P2 | 5h | Medium | 2 | DevOps |", changed);
        Assert.All(changed, line => Assert.True(
            line.Contains("Effort", StringComparison.Ordinal) || line.Contains("Bundle Analysis CI", StringComparison.Ordinal), line));
    }

    [Fact]
    public async Task Saving_the_form_without_a_change_saves_nothing()
    {
        using var lead = await LeadAsync();
        var id = await factory.ItemIdAsync(2, 5);
        var stored = await factory.ItemAsync(id);
        var before = await factory.ExportAsync();
        var version = await factory.DataVersionAsync();
        var history = (await factory.HistoryAsync(id)).Count;

        using var response = await lead.SubmitAsync($"/items/{id}/edit", $"/items/{id}/edit", _ => { });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/items/{id}?done=unchanged", response.RedirectPath());
        Assert.Equal(before, await factory.ExportAsync());
        Assert.Equal(stored!.RowVersion, (await factory.ItemAsync(id))!.RowVersion);
        Assert.Equal(history, (await factory.HistoryAsync(id)).Count);
        Assert.Equal(version, await factory.DataVersionAsync());
    }

    public static TheoryData<string, string, string> InvalidValues() => new()
    {
        { "Title", "", "Give the item a title." },
        { "Title", new string('x', 201), "Keep the title to at most 200 characters." },
        { "Effort", "2.3", "in whole or half hours" },
        { "Effort", "1000.5", "from 0 to 1000" },
        { "Effort", "-1", "from 0 to 1000" },
        { "Effort", "a lot", "Enter the effort as a number of hours" },
        { "Priority", "P4", "Pick a priority from P0 (Critical) to P3 (Low)." },
        { "Impact", "Enormous", "Pick an impact from the list" },
        { "PullRequest", "javascript:alert(1)", "Enter the pull request as an http or https address" },
        { "PullRequest", "PR 42", "Enter the pull request as an http or https address" },
        { "TrackingIssue", "ftp://tracker.example.com/1", "must be an http or https address" },
        { "TrackingIssue", "[#7](javascript:alert(1))", "must be an http or https address" },
        { "CompletedOn", "February 30, 2025", "Enter the completion date as a real date" },
        { "CompletedOn", "someday", "Enter the completion date as a real date" },
        { "CompletedOn", "2999-01-01", "cannot be in the future" },
        { "WhyDeferred[0]", "See [this](javascript:alert(1))", "Links in this list must be http or https addresses." },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public async Task An_invalid_value_shows_its_message_next_to_the_field_and_changes_nothing(string field, string value, string message)
    {
        using var lead = await LeadAsync();
        var id = await factory.ItemIdAsync(2, 1);
        var stored = await factory.ItemAsync(id);
        var before = await factory.ExportAsync();

        using var response = await lead.SubmitAsync($"/items/{id}/edit", $"/items/{id}/edit", form => form.With(field, value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.BodyAsync();
        var name = field.EndsWith(']') ? field[..field.IndexOf('[', StringComparison.Ordinal)] : field;
        Assert.Matches($"data-valmsg-for=\"{System.Text.RegularExpressions.Regex.Escape(name)}\"[^>]*>[^<]*{System.Text.RegularExpressions.Regex.Escape(message)}", page);
        Assert.Equal(before, await factory.ExportAsync());
        Assert.Equal(stored!.RowVersion, (await factory.ItemAsync(id))!.RowVersion);
        Assert.Empty(await factory.HistoryAsync(id));
    }

    [Fact]
    public async Task Plain_words_as_tracking_issue_half_hours_and_a_past_date_are_accepted()
    {
        using var lead = await LeadAsync();
        var id = await factory.ItemIdAsync(2, 1);

        using var response = await lead.SubmitAsync($"/items/{id}/edit", $"/items/{id}/edit", form => form
            .With("TrackingIssue", "[Ask in the platform channel]")
            .With("Effort", "2.5")
            .With("CompletedOn", "November 12, 2025"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = await factory.ItemAsync(id);
        Assert.Equal("[Ask in the platform channel]", item!.TrackingIssue);
        Assert.Equal(2.5, item.EffortHours);
        Assert.Equal("November 12, 2025", item.CompletedOn);
    }

    [Fact]
    public async Task A_completion_date_ahead_of_today_that_the_document_already_had_does_not_block_other_edits()
    {
        // A document written ahead of time (or in a time zone ahead of the workspace's) may carry tomorrow's
        // date; the lead who only changes the owner must still be able to save, while a new future date is refused.
        using var app = new PhaseTrackerFactory();
        using var lead = (await app.CreateSignedInBrowserAsync(Roles.Lead)).Browser;
        var id = await app.ItemIdAsync(2, 3);
        await app.ReadAsync(db => db.DeferredItems.Where(i => i.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.CompletedOn, "December 31, 2999")));

        using var saved = await lead.SubmitAsync($"/items/{id}/edit", $"/items/{id}/edit", form => form.With("Owner", "Platform Team"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var item = await app.ItemAsync(id);
        Assert.Equal(("Platform Team", "December 31, 2999"), (item!.Owner, item.CompletedOn));

        using var moved = await lead.SubmitAsync($"/items/{id}/edit", $"/items/{id}/edit", form => form.With("CompletedOn", "January 1, 2999"));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Matches("data-valmsg-for=\"CompletedOn\"[^>]*>[^<]*cannot be in the future", await moved.BodyAsync());
        Assert.Equal("December 31, 2999", (await app.ItemAsync(id))!.CompletedOn);
    }

    [Fact]
    public async Task List_buttons_change_the_form_and_save_nothing()
    {
        using var lead = await LeadAsync();
        var id = await factory.ItemIdAsync(2, 4);
        var stored = await factory.ItemAsync(id);
        var before = await factory.ExportAsync();
        var (action, fields) = await lead.ReadFormAsync($"/items/{id}/edit", $"/items/{id}/edit");
        var missingCount = fields.Count(f => f.Key.StartsWith("Missing[", StringComparison.Ordinal));
        Assert.Equal(stored!.Missing.Count, missingCount);

        // Add an entry: one more input, empty.
        using var added = await lead.PostAsync(action, fields.Append(new("listAction", "Missing:add")));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var addedFields = ItemForms.Fields(await added.Content.ReadAsStringAsync(), action);
        Assert.Equal("", addedFields.Value($"Missing[{missingCount}]"));

        // Remove the first: the second moves up.
        using var removed = await lead.PostAsync(action, fields.Append(new("listAction", "Missing:remove:0")));
        var removedFields = ItemForms.Fields(await removed.Content.ReadAsStringAsync(), action);
        Assert.Equal(stored.Missing[1], removedFields.Value("Missing[0]"));
        Assert.Equal(missingCount - 1, removedFields.Count(f => f.Key.StartsWith("Missing[", StringComparison.Ordinal)));

        // Move the second plan step up, and give it a sub-step.
        using var moved = await lead.PostAsync(action, fields.Append(new("listAction", "Plan:up:1")));
        var movedFields = ItemForms.Fields(await moved.Content.ReadAsStringAsync(), action);
        Assert.Equal(stored.Plan[1].Text, movedFields.Value("Plan[0].Text"));
        Assert.Equal(stored.Plan[0].Text, movedFields.Value("Plan[1].Text"));
        using var sub = await lead.PostAsync(action, movedFields.Append(new("listAction", "Plan[1].SubSteps:add")));
        var subFields = ItemForms.Fields(await sub.Content.ReadAsStringAsync(), action);
        Assert.Equal("", subFields.Value($"Plan[1].SubSteps[{stored.Plan[0].SubSteps.Count}]"));

        Assert.Equal(before, await factory.ExportAsync());
        Assert.Equal(stored.RowVersion, (await factory.ItemAsync(id))!.RowVersion);
        Assert.Empty(await factory.HistoryAsync(id));

        // Saving the form after a remove drops that entry; the empty added entry is dropped too.
        using var saved = await lead.PostAsync(action, removedFields.With($"Missing[{missingCount - 1}]", " "));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([$"-- {stored.Missing[0]}"], LineDiff.Changes(before, await factory.ExportAsync()));
        Assert.Equal(stored.Missing.Skip(1), (await factory.ItemAsync(id))!.Missing);
    }

    [Fact]
    public async Task The_edit_form_offers_the_documents_statuses_priorities_and_impacts()
    {
        using var lead = await LeadAsync();
        var id = await factory.ItemIdAsync(2, 5);

        var page = System.Net.WebUtility.HtmlDecode(await lead.GetPageAsync($"/items/{id}/edit"));

        Assert.Contains("<option value=\"❌|Not Started\">❌ Not Started</option>", page, StringComparison.Ordinal);
        Assert.Contains(">P0 (Critical)</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Critical\" selected=\"selected\">Critical</option>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Missing[0]\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Missing:remove:0\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Plan[1].SubSteps:add\"", page, StringComparison.Ordinal);
        Assert.Contains("formnovalidate", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Picking_a_status_the_document_uses_sets_its_emoji_and_label()
    {
        using var lead = await LeadAsync();
        var id = await factory.ItemIdAsync(2, 5);
        var before = await factory.ExportAsync();

        using var response = await lead.SubmitAsync($"/items/{id}/edit", $"/items/{id}/edit", form => form.With("StatusChoice", "❌|Not Started"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["-**Status:** 📋 **Specified, Not Built**", "+**Status:** ❌ **Not Started**"], LineDiff.Changes(before, await factory.ExportAsync()));
    }
}
