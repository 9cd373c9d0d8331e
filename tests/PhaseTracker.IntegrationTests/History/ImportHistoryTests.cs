using System.Net;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.Domain;
using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.IntegrationTests.Items.Editing;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Import;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.History;

/// <summary>What an import leaves in the history, and how it removes and brings back items: each test on a fresh database that shows the seed.</summary>
public sealed class ImportHistoryTests : IDisposable
{
    private const string EditedFile = "PHASE2_TRACKING_edited.md";

    private readonly PhaseTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>The seed with item 3's owner and ADR-002's title changed.</summary>
    private static string Edited => Seed.RepairedText
        .Replace("**Owner:** Backend Team", "**Owner:** Platform Team", StringComparison.Ordinal)
        .Replace("### ADR-002: Unified HTTP Client vs. Multiple Clients", "### ADR-002: One HTTP Client", StringComparison.Ordinal);

    [Fact]
    public async Task The_seed_imported_on_first_start_is_recorded_as_created_by_first_start()
    {
        var entries = await EntriesAsync();

        Assert.Equal(10, entries.Count);
        Assert.All(entries, e => Assert.Equal(("first start", "import of PHASE2_TRACKING.md", HistoryAction.Created), (e.Actor, e.Via, e.Action)));
        Assert.Equal(5, entries.Count(e => e.RecordType == HistoryRecordType.Item));
        Assert.Equal(4, entries.Count(e => e.RecordType == HistoryRecordType.DecisionRecord));
        Assert.Single(entries, e => e.RecordType == HistoryRecordType.Phase);
        var item3 = entries.Single(e => e.RecordLabel == "Item 3: Load Testing Suite");
        Assert.Equal(await _factory.ItemIdAsync(2, 3), item3.RecordId);
        Assert.Contains(new FieldChange("Owner", null, "Backend Team"), item3.Changes);
    }

    [Fact]
    public async Task Reimporting_an_edited_document_records_one_entry_per_changed_record_with_the_field_changes_and_the_file()
    {
        var before = (await EntriesAsync()).Count;

        var result = await ImportAsync(Edited, fileName: "/some/folder/" + EditedFile);

        Assert.Equal(new ChangeCounts(0, 1, 0, 4), result.Items);
        Assert.Equal(new ChangeCounts(0, 1, 0, 3), result.DecisionRecords);
        var added = (await EntriesAsync()).Skip(before).ToList();
        Assert.Equal(2, added.Count);
        Assert.All(added, e => Assert.Equal((Actor.CommandLineName, $"import of {EditedFile}", HistoryAction.Changed, (int?)2), (e.Actor, e.Via, e.Action, e.PhaseNumber)));
        var item = added.Single(e => e.RecordType == HistoryRecordType.Item);
        Assert.Equal("Item 3: Load Testing Suite", item.RecordLabel);
        Assert.Equal(await _factory.ItemIdAsync(2, 3), item.RecordId);
        Assert.Equal([new FieldChange("Owner", "Backend Team", "Platform Team")], item.Changes);
        var record = added.Single(e => e.RecordType == HistoryRecordType.DecisionRecord);
        Assert.Equal("ADR-002: One HTTP Client", record.RecordLabel);
        Assert.Equal([new FieldChange("Title", "Unified HTTP Client vs. Multiple Clients", "One HTTP Client")], record.Changes);

        // The history page names the file and links the records to their pages.
        using var client = _factory.CreateClient();
        var page = await client.GetPageAsync("/history?actor=command+line");
        Assert.Contains("<strong>2 changes</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"import of {EditedFile}", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/items/{item.RecordId}\">Item 3: Load Testing Suite</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/adrs/2\">ADR-002: One HTTP Client</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_same_document_twice_writes_no_history_and_changes_nothing_the_second_time()
    {
        await ImportAsync(Edited);
        var entries = (await EntriesAsync()).Count;
        var versions = await RowVersionsAsync();

        var again = await ImportAsync(Edited);

        Assert.False(again.Changed);
        Assert.Equal(new ChangeCounts(0, 0, 0, 5), again.Items);
        Assert.Equal(entries, (await EntriesAsync()).Count);
        Assert.Equal(versions, await RowVersionsAsync());
    }

    [Fact]
    public async Task A_dry_run_writes_no_history()
    {
        var entries = (await EntriesAsync()).Count;
        await using var scope = _factory.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<ImportService>()
            .ImportAsync(Seed.Utf8.GetBytes(RemoveItem(Edited, 5)), dryRun: true, actor: null, fileName: EditedFile);

        Assert.True(result.Accepted);
        Assert.Equal(1, result.Summary!.Items.Removed);
        Assert.Equal(entries, (await EntriesAsync()).Count);
        Assert.Equal(5, await WithDatabaseAsync(db => db.DeferredItems.CountAsync()));
    }

    [Fact]
    public async Task An_item_the_document_no_longer_has_is_kept_as_deleted_and_comes_back_with_its_id_when_the_document_has_it_again()
    {
        var id = await _factory.ItemIdAsync(2, 5);

        var removed = await ImportAsync(RemoveItem(Seed.RepairedText, 5));

        Assert.Equal(new ChangeCounts(0, 0, 1, 4), removed.Items);
        var stored = await WithDatabaseAsync(db => db.DeferredItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.NotNull(stored.DeletedAtUtc);
        Assert.Equal(5, stored.Number);
        using var anonymous = _factory.CreateClient();
        Assert.DoesNotContain("Monitoring Dashboard Implementation", await anonymous.GetPageAsync("/items"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/items/{id}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("### 5. Monitoring Dashboard Implementation", await ExportAsync(), StringComparison.Ordinal);
        var deleted = Assert.Single(await EntriesAsync(), e => e.Action == HistoryAction.Deleted);
        Assert.Equal((HistoryRecordType.Item, id, "Item 5: Monitoring Dashboard Implementation"), (deleted.RecordType, deleted.RecordId, deleted.RecordLabel));

        // The same document again leaves it deleted and records nothing.
        Assert.Equal(new ChangeCounts(0, 0, 0, 4), (await ImportAsync(RemoveItem(Seed.RepairedText, 5))).Items);

        var back = await ImportAsync(Seed.RepairedText);

        Assert.Equal(new ChangeCounts(1, 0, 0, 4), back.Items);
        Assert.Equal(id, await _factory.ItemIdAsync(2, 5));
        Assert.Null(await WithDatabaseAsync(db => db.DeferredItems.Where(i => i.Id == id).Select(i => i.DeletedAtUtc).SingleAsync()));
        Assert.Equal(Seed.RepairedText, await ExportAsync());
        // (The roadmap block that names the item links it again too: that week's entry comes with it.)
        var restored = (await EntriesAsync()).Last(e => e.RecordType == HistoryRecordType.Item);
        Assert.Equal((HistoryAction.Restored, id), (restored.Action, restored.RecordId));
    }

    [Fact]
    public async Task A_deleted_item_shows_a_restore_button_to_a_lead_and_none_to_a_viewer()
    {
        var id = await _factory.ItemIdAsync(2, 5);
        await ImportAsync(RemoveItem(Seed.RepairedText, 5));
        var (lead, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        var (viewer, _) = await _factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (lead)
        using (viewer)
        {
            var leadPage = await lead.GetPageAsync("/history");
            var form = PageTestDocuments.Section(leadPage, $"<form method=\"post\" action=\"/items/{id}/restore\"", "</form>");
            Assert.Contains("name=\"__RequestVerificationToken\"", form, StringComparison.Ordinal);
            Assert.Contains(">Restore</button>", form, StringComparison.Ordinal);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(leadPage, ">Restore</button>"));

            // No link to a page that is gone; the label stays.
            Assert.DoesNotContain($"href=\"/items/{id}\"", leadPage, StringComparison.Ordinal);
            Assert.Contains("Item 5: Monitoring Dashboard Implementation", leadPage, StringComparison.Ordinal);

            var viewerPage = await viewer.GetPageAsync("/history");
            Assert.DoesNotContain("/restore", viewerPage, StringComparison.Ordinal);
            Assert.DoesNotContain(">Restore</button>", viewerPage, StringComparison.Ordinal);
        }

        // Once the item is back, no button is left.
        await ImportAsync(Seed.RepairedText);
        var (lead2, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead2)
        {
            Assert.DoesNotContain(">Restore</button>", await lead2.GetPageAsync("/history"), StringComparison.Ordinal);
        }
    }

    private static string WithoutAdr4()
    {
        var text = Seed.RepairedText;
        var start = text.IndexOf("### ADR-004:", StringComparison.Ordinal);
        var end = text.IndexOf("\n## ", start, StringComparison.Ordinal);
        return text[..start] + text[(end + 1)..];
    }

    [Fact]
    public async Task A_decision_record_the_document_drops_is_kept_as_deleted_and_comes_back_with_its_id_and_its_links()
    {
        var id = await WithDatabaseAsync(db => db.DecisionRecords.Where(d => d.Number == 4).Select(d => d.Id).SingleAsync());

        var result = await ImportAsync(WithoutAdr4());

        Assert.Equal(new ChangeCounts(0, 0, 1, 3), result.DecisionRecords);
        var deleted = Assert.Single(await EntriesAsync(), e => e.Action == HistoryAction.Deleted);
        Assert.Equal((HistoryRecordType.DecisionRecord, id, "ADR-004: Correlation IDs via X-Request-ID Header"), (deleted.RecordType, deleted.RecordId, deleted.RecordLabel));
        Assert.NotNull(await WithDatabaseAsync(db => db.DecisionRecords.IgnoreQueryFilters().Where(d => d.Id == id).Select(d => d.DeletedAtUtc).SingleAsync()));
        using var client = _factory.CreateClient();
        Assert.DoesNotContain("href=\"/adrs/4\"", await client.GetPageAsync("/history?type=adr"), StringComparison.Ordinal);
        Assert.DoesNotContain("ADR-004", await client.GetPageAsync("/adrs"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/adrs/4", UriKind.Relative))).StatusCode);

        var back = await ImportAsync(Seed.RepairedText);

        Assert.Equal(new ChangeCounts(1, 0, 0, 3), back.DecisionRecords);
        Assert.Equal(id, await WithDatabaseAsync(db => db.DecisionRecords.Where(d => d.Number == 4).Select(d => d.Id).SingleAsync()));
        Assert.Equal(Seed.RepairedText, await ExportAsync());
        var page = await client.GetPageAsync("/history?type=adr&q=ADR-004");
        Assert.Contains("<strong>3 changes</strong>", page, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(page, "<a href=\"/adrs/4\">ADR-004: Correlation IDs via X-Request-ID Header</a>"));
    }

    [Fact]
    public async Task A_lead_restores_a_deleted_decision_record_from_the_history_page_as_it_was()
    {
        await ImportAsync(WithoutAdr4());
        var (lead, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        var (viewer, _) = await _factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (lead)
        using (viewer)
        {
            Assert.DoesNotContain("/adrs/4/restore", await viewer.GetPageAsync("/history"), StringComparison.Ordinal);
            using var refused = await viewer.PostAsync("/adrs/4/restore", Array.Empty<KeyValuePair<string, string>>());
            Assert.NotNull(await WithDatabaseAsync(db => db.DecisionRecords.IgnoreQueryFilters().Where(d => d.Number == 4).Select(d => d.DeletedAtUtc).SingleAsync()));

            using var restored = await lead.SubmitAsync("/history", "/adrs/4/restore", _ => { });

            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
            Assert.Equal("/adrs/4?done=restored", restored.RedirectPath());
            var page = await lead.GetPageAsync("/adrs/4?done=restored");
            Assert.Contains("Decision record restored.", page, StringComparison.Ordinal);
            Assert.Contains("Correlation IDs via X-Request-ID Header", page, StringComparison.Ordinal);
            Assert.Contains("ADR-004: Correlation IDs", await ExportAsync(), StringComparison.Ordinal);
            var entry = (await EntriesAsync())[^1];
            Assert.Equal((HistoryRecordType.DecisionRecord, HistoryAction.Restored, "form"), (entry.RecordType, entry.Action, entry.Via));
            Assert.DoesNotContain(">Restore</button>", await lead.GetPageAsync("/history"), StringComparison.Ordinal);
        }
    }

    private static string WithoutWeek2()
    {
        var text = Seed.RepairedText;
        var start = text.IndexOf("### Week 2:", StringComparison.Ordinal);
        var end = text.IndexOf("\n---\n", start, StringComparison.Ordinal);
        return text[..start] + text[(end + 1)..];
    }

    private Task<RoadmapWeek> WeekAsync(int id) =>
        WithDatabaseAsync(db => db.RoadmapWeeks.IgnoreQueryFilters().AsNoTracking().SingleAsync(w => w.Id == id));

    [Fact]
    public async Task A_roadmap_week_keeps_its_id_through_imports_and_one_the_document_drops_is_kept_as_deleted_and_comes_back()
    {
        var week1 = await WithDatabaseAsync(db => db.RoadmapWeeks.SingleAsync(w => w.Number == 1));
        var week2 = await WithDatabaseAsync(db => db.RoadmapWeeks.SingleAsync(w => w.Number == 2));

        var edited = await ImportAsync(Seed.RepairedText.Replace("### Week 2: Testing & Refinement", "### Week 2: Testing & Polish", StringComparison.Ordinal));

        Assert.Equal(new ChangeCounts(0, 1, 0, 1), edited.RoadmapWeeks);
        var changed = await WeekAsync(week2.Id);
        Assert.Equal(("Testing & Polish", week2.RowVersion + 1), (changed.Theme, changed.RowVersion));
        Assert.Equal(week1.RowVersion, (await WeekAsync(week1.Id)).RowVersion);
        var entry = (await EntriesAsync())[^1];
        Assert.Equal((HistoryRecordType.RoadmapWeek, week2.Id, HistoryAction.Changed), (entry.RecordType, entry.RecordId, entry.Action));
        Assert.Equal([new FieldChange("Theme", "Testing & Refinement", "Testing & Polish")], entry.Changes);

        Assert.Equal(new ChangeCounts(0, 0, 1, 1), (await ImportAsync(WithoutWeek2())).RoadmapWeeks);

        Assert.NotNull((await WeekAsync(week2.Id)).DeletedAtUtc);
        var deleted = (await EntriesAsync())[^1];
        Assert.Equal((HistoryRecordType.RoadmapWeek, week2.Id, HistoryAction.Deleted), (deleted.RecordType, deleted.RecordId, deleted.Action));
        using var anonymous = _factory.CreateClient();
        Assert.DoesNotContain("Testing &amp; Polish", await anonymous.GetPageAsync("/roadmap"), StringComparison.Ordinal);
        Assert.DoesNotContain("### Week 2:", await ExportAsync(), StringComparison.Ordinal);

        Assert.Equal(new ChangeCounts(1, 0, 0, 1), (await ImportAsync(Seed.RepairedText)).RoadmapWeeks);

        var back = await WeekAsync(week2.Id);
        Assert.Equal(("Testing & Refinement", (DateTime?)null), (back.Theme, back.DeletedAtUtc));
        Assert.Equal(HistoryAction.Restored, (await EntriesAsync())[^1].Action);
        Assert.Equal(2, await WithDatabaseAsync(db => db.RoadmapWeeks.CountAsync()));
        Assert.Equal(Seed.RepairedText, await ExportAsync());
    }

    [Fact]
    public async Task A_lead_restores_a_deleted_roadmap_week_from_the_history_page()
    {
        var id = await WithDatabaseAsync(db => db.RoadmapWeeks.Where(w => w.Number == 2).Select(w => w.Id).SingleAsync());
        await ImportAsync(WithoutWeek2());
        var (lead, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            using var restored = await lead.SubmitAsync("/history", $"/roadmap/weeks/{id}/restore", _ => { });

            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
            Assert.Equal("/roadmap?phase=2&week=2&done=restored", restored.RedirectPath()!.Split('#')[0]);
            var page = await lead.GetPageAsync("/roadmap?phase=2&week=2&done=restored");
            Assert.Contains("Week 2 restored.", page, StringComparison.Ordinal);
            Assert.Contains("Testing &amp; Refinement", page, StringComparison.Ordinal);
            Assert.Contains("### Week 2: Testing & Refinement", await ExportAsync(), StringComparison.Ordinal);
            var entry = (await EntriesAsync())[^1];
            Assert.Equal((HistoryRecordType.RoadmapWeek, id, HistoryAction.Restored, "form"), (entry.RecordType, entry.RecordId, entry.Action, entry.Via));
        }
    }

    [Fact]
    public async Task Records_whose_lines_only_moved_count_as_unchanged_when_the_apps_own_export_comes_back()
    {
        // An item added in a form gets its section in the export, which moves every ADR and week below it.
        var (lead, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            using var created = await lead.SubmitAsync("/items/new?phase=2", "/items/new?phase=2", form => form
                .With("Title", "Search Relevance Tuning").With("StatusEmoji", "❌").With("StatusLabel", "Not Started").With("Effort", "3"));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var versions = await RowVersionsAsync();
        var entries = (await EntriesAsync()).Count;

        var result = await ImportAsync(await ExportAsync());

        Assert.Equal(new ChangeCounts(0, 0, 0, 6), result.Items);
        Assert.Equal(new ChangeCounts(0, 0, 0, 4), result.DecisionRecords);
        Assert.Equal(new ChangeCounts(0, 0, 0, 2), result.RoadmapWeeks);
        Assert.Empty(result.Changes);
        Assert.Equal(entries, (await EntriesAsync()).Count);
        Assert.Equal(versions, await RowVersionsAsync());
    }

    [Fact]
    public async Task Deferrals_and_a_higher_row_version_survive_a_reimport()
    {
        var deferral = new Deferral(1, 2, "Blocked on the load test environment", "November 12, 2025");
        await WithDatabaseAsync(async db =>
        {
            foreach (var item in await db.DeferredItems.Where(i => i.Number == 1 || i.Number == 3).ToListAsync())
            {
                item.Deferrals = [deferral];
                item.RowVersion = 7;
            }

            var record = await db.DecisionRecords.SingleAsync(d => d.Number == 2);
            record.RowVersion = 4;
            return await db.SaveChangesAsync();
        });

        var result = await ImportAsync(Edited);

        Assert.Equal(new ChangeCounts(0, 1, 0, 4), result.Items);
        var items = await WithDatabaseAsync(db => db.DeferredItems.AsNoTracking().ToDictionaryAsync(i => i.Number));

        // Item 3 changed: one more save than the database had, so a form opened before meets a conflict.
        Assert.Equal(8, items[3].RowVersion);
        Assert.Equal([deferral], items[3].Deferrals);
        Assert.Equal("Platform Team", items[3].Owner);

        // Item 1 did not change: untouched.
        Assert.Equal(7, items[1].RowVersion);
        Assert.Equal([deferral], items[1].Deferrals);
        Assert.Equal(0, items[2].RowVersion);
        Assert.Equal(5, await WithDatabaseAsync(db => db.DecisionRecords.Where(d => d.Number == 2).Select(d => d.RowVersion).SingleAsync()));

        // The database's own fields do not count as a difference.
        Assert.False((await ImportAsync(Edited)).Changed);
    }

    private async Task<ImportSummary> ImportAsync(string text, string? fileName = null)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ImportService>()
            .ImportAsync(Seed.Utf8.GetBytes(text), dryRun: false, actor: null, fileName: fileName ?? EditedFile);
        Assert.True(result.Accepted, result.Rejection?.ToString());
        return result.Summary!;
    }

    private async Task<string> ExportAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var export = await scope.ServiceProvider.GetRequiredService<ExportService>().ExportAsync(2, ExportFormat.Markdown);
        return Assert.IsType<string>(export.Text);
    }

    /// <summary>Every history entry, oldest first.</summary>
    private Task<List<HistoryEntry>> EntriesAsync() =>
        WithDatabaseAsync(db => db.HistoryEntries.AsNoTracking().OrderBy(h => h.Id).ToListAsync());

    private Task<string> RowVersionsAsync() =>
        WithDatabaseAsync(async db =>
            string.Join(' ', await db.DeferredItems.IgnoreQueryFilters().OrderBy(i => i.Id).Select(i => i.RowVersion).ToListAsync()) + " / " +
            string.Join(' ', await db.DecisionRecords.OrderBy(d => d.Id).Select(d => d.RowVersion).ToListAsync()) + " / " +
            string.Join(' ', await db.Phases.OrderBy(p => p.Id).Select(p => p.RowVersion).ToListAsync()));

    private async Task<T> WithDatabaseAsync<T>(Func<PhaseTrackerDbContext, Task<T>> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>());
    }

    /// <summary>The document without item <paramref name="number"/>'s section.</summary>
    private static string RemoveItem(string text, int number)
    {
        var start = text.IndexOf($"### {number}. ", StringComparison.Ordinal);
        Assert.True(start >= 0);
        var end = text.IndexOf("\n## ", start, StringComparison.Ordinal);
        var nextItem = text.IndexOf($"### {number + 1}. ", start, StringComparison.Ordinal);
        if (nextItem >= 0 && nextItem < end)
        {
            end = nextItem - 1;
        }

        return text[..start] + text[(end + 1)..];
    }
}
