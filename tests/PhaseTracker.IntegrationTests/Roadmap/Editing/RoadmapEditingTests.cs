using System.Net;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Roadmap.Editing;

/// <summary>A lead adds roadmap weeks and edits them in forms; each save shows in the export as only the lines it touched.</summary>
public sealed class RoadmapEditingTests
{
    private static async Task<int> WeekIdAsync(PhaseTrackerFactory factory, int number) =>
        await factory.QueryAsync(db => db.RoadmapWeeks.Where(w => w.Number == number).Select(w => w.Id).SingleAsync());

    private static async Task<(PhaseTrackerFactory Factory, HttpClient Lead)> StartAsync()
    {
        var factory = new PhaseTrackerFactory();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        return (factory, lead);
    }

    private static async Task<(Form Form, string Url)> EditFormAsync(PhaseTrackerFactory factory, HttpClient lead, int week)
    {
        var url = $"/roadmap/weeks/{await WeekIdAsync(factory, week)}/edit";
        return (await Form.ReadAsync(lead, url, url), url);
    }

    [Fact]
    public async Task A_lead_adds_a_week_that_shows_on_the_roadmap_and_is_exported_inside_the_roadmap_section()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var before = await factory.ExportAsync();
            var form = await Form.ReadAsync(lead, "/roadmap/weeks/new", "/roadmap/weeks/new");
            Assert.Contains("Add week 3", await lead.GetPageAsync("/roadmap/weeks/new"), StringComparison.Ordinal);

            form = await form.PressAsync(lead, "/roadmap/weeks/new", "Blocks:add");
            form = await form.PressAsync(lead, "/roadmap/weeks/new", "Tasks:add:0");
            form.Set("Form.Theme", "Hardening").Set("Form.Blocks[0].StartDay", "7").Set("Form.Blocks[0].Title", "Security review").Set("Form.Blocks[0].Tasks[0]", "Run the scanner");
            using var response = await form.PostAsync(lead, "/roadmap/weeks/new");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/roadmap?phase=2&week=3&done=added#week-3", response.RedirectPath());
            var page = await lead.GetPageAsync("/roadmap?phase=2&week=3&done=added");
            Assert.Contains("Week 3 added.", page, StringComparison.Ordinal);
            Assert.Contains("Week 3: Hardening", page, StringComparison.Ordinal);

            var after = await factory.ExportAsync();
            Assert.Equal(["+### Week 3: Hardening", "+```", "+Day 7: Security review", "+  └─→ Run the scanner", "+```", "+"], LineDiff.Changes(before, after));
            Assert.Contains("\n\n### Week 3: Hardening\n```\nDay 7: Security review\n  └─→ Run the scanner\n```\n\n---\n", after, StringComparison.Ordinal);

            var history = Assert.Single(await factory.HistoryAsync(HistoryRecordType.RoadmapWeek, await WeekIdAsync(factory, 3)));
            Assert.Equal(HistoryAction.Created, history.Action);
            Assert.Equal("Week 3: Hardening", history.RecordLabel);
        }
    }

    [Fact]
    public async Task A_week_without_a_theme_is_refused_with_the_message_next_to_the_field()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var form = await Form.ReadAsync(lead, "/roadmap/weeks/new", "/roadmap/weeks/new");
            using var response = await form.Set("Form.Theme", " ").PostAsync(lead, "/roadmap/weeks/new");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Matches("data-valmsg-for=\"Form.Theme\"[^>]*>Give the week a theme.</span>", html);
            Assert.Equal(2, await factory.QueryAsync(db => db.RoadmapWeeks.CountAsync()));
        }
    }

    [Fact]
    public async Task A_changed_theme_changes_only_the_heading_line_and_is_recorded()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var before = await factory.ExportAsync();
            var (form, url) = await EditFormAsync(factory, lead, 1);
            Assert.Equal("Critical Infrastructure", form["Form.Theme"]);

            using var response = await form.Set("Form.Theme", "Core Infrastructure").PostAsync(lead, url);
            Assert.Equal("/roadmap?phase=2&week=1&done=saved#week-1", response.RedirectPath());
            Assert.Equal(["-### Week 1: Critical Infrastructure", "+### Week 1: Core Infrastructure"], LineDiff.Changes(before, await factory.ExportAsync()));

            var entry = Assert.Single(await factory.HistoryAsync(HistoryRecordType.RoadmapWeek, await WeekIdAsync(factory, 1)));
            Assert.Equal(HistoryAction.Changed, entry.Action);
            var change = Assert.Single(entry.Changes);
            Assert.Equal(("Theme", "Critical Infrastructure", "Core Infrastructure"), (change.Field, change.Old, change.New));
            Assert.Equal(1, await factory.QueryAsync(db => db.RoadmapWeeks.Where(w => w.Number == 1).Select(w => w.RowVersion).SingleAsync()));
        }
    }

    [Fact]
    public async Task A_save_without_a_change_saves_nothing_and_the_export_stays_byte_identical()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var before = await factory.ExportAsync();
            var (form, url) = await EditFormAsync(factory, lead, 2);
            using var response = await form.PostAsync(lead, url);

            Assert.Equal("/roadmap?phase=2&week=2&done=unchanged#week-2", response.RedirectPath());
            Assert.Contains("Week 2 had no changes; nothing was saved.", await lead.GetPageAsync(response.RedirectPath()!), StringComparison.Ordinal);
            Assert.Equal(before, await factory.ExportAsync());
            Assert.Empty(await factory.HistoryAsync(HistoryRecordType.RoadmapWeek, await WeekIdAsync(factory, 2)));
            Assert.Equal(0, await factory.QueryAsync(db => db.RoadmapWeeks.Where(w => w.Number == 2).Select(w => w.RowVersion).SingleAsync()));
        }
    }

    [Fact]
    public async Task A_block_added_edited_and_removed_changes_only_its_own_lines()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            // Add a block to week 2, with two tasks.
            var before = await factory.ExportAsync();
            var (form, url) = await EditFormAsync(factory, lead, 2);
            form = await form.PressAsync(lead, url, "Blocks:add");
            Assert.Equal("", form["Form.Blocks[2].Title"]);
            form = await form.PressAsync(lead, url, "Tasks:add:2");
            form = await form.PressAsync(lead, url, "Tasks:add:2");
            form.Set("Form.Blocks[2].StartDay", "7").Set("Form.Blocks[2].EndDay", "8").Set("Form.Blocks[2].Title", "Release")
                .Set("Form.Blocks[2].Tasks[0]", "Tag the build").Set("Form.Blocks[2].Tasks[1]", "Announce");
            using (var saved = await form.PostAsync(lead, url))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            var added = await factory.ExportAsync();
            Assert.Equal(["+", "+Day 7-8: Release", "+  ├─→ Tag the build", "+  └─→ Announce"], LineDiff.Changes(before, added));

            // Edit the first block of week 1: its title and days, and drop a task.
            (form, url) = await EditFormAsync(factory, lead, 1);
            form = await form.PressAsync(lead, url, "Tasks:remove:0:1");
            form.Set("Form.Blocks[1].Title", "Load Tests").Set("Form.Blocks[1].EndDay", "4");
            using (var saved = await form.PostAsync(lead, url))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            var edited = await factory.ExportAsync();
            Assert.Equal(["-  ├─→ Build 3 core dashboards", "-Day 3: Load Testing Suite", "+Day 3-4: Load Tests"], LineDiff.Changes(added, edited));

            // Remove the block added first.
            (form, url) = await EditFormAsync(factory, lead, 2);
            form = await form.PressAsync(lead, url, "Blocks:remove:2");
            Assert.Null(form["Form.Blocks[2].Title"]);
            using (var saved = await form.PostAsync(lead, url))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            Assert.Equal(["-", "-Day 7-8: Release", "-  ├─→ Tag the build", "-  └─→ Announce"], LineDiff.Changes(edited, await factory.ExportAsync()));
            Assert.Equal(2, (await factory.HistoryAsync(HistoryRecordType.RoadmapWeek, await WeekIdAsync(factory, 2))).Count);
        }
    }

    [Fact]
    public async Task A_start_day_after_the_end_day_is_refused_with_the_message_next_to_the_end_day()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var before = await factory.ExportAsync();
            var (form, url) = await EditFormAsync(factory, lead, 1);
            using var response = await form.Set("Form.Blocks[0].StartDay", "5").Set("Form.Blocks[0].EndDay", "2").PostAsync(lead, url);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Matches("data-valmsg-for=\"Form.Blocks\\[0\\].EndDay\"[^>]*>The end day comes before the start day \\(5\\).</span>", html);
            Assert.Equal(before, await factory.ExportAsync());

            using var zero = await form.Set("Form.Blocks[0].StartDay", "0").Set("Form.Blocks[0].EndDay", "2").PostAsync(lead, url);
            Assert.Matches("data-valmsg-for=\"Form.Blocks\\[0\\].StartDay\"[^>]*>The start day is a whole number from 1.</span>", await zero.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Overlapping_blocks_are_saved_and_flagged_on_the_form_and_the_roadmap()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var (form, url) = await EditFormAsync(factory, lead, 1);
            using var response = await form.Set("Form.Blocks[1].StartDay", "2").Set("Form.Blocks[1].EndDay", "4").PostAsync(lead, url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

            Assert.Contains("Day 1-2 overlaps Day 2-4 in Week 1.", await lead.GetPageAsync(response.RedirectPath()!), StringComparison.Ordinal);
            Assert.Contains("Day 1-2 overlaps Day 2-4 in Week 1.", await lead.GetPageAsync(url), StringComparison.Ordinal);
            Assert.DoesNotContain("overlaps", Section(await lead.GetPageAsync("/roadmap"), "id=\"week-2\""), StringComparison.Ordinal);
        }
    }

    private static string Section(string html, string marker) => html[html.IndexOf(marker, StringComparison.Ordinal)..];

    [Fact]
    public async Task Linked_items_show_on_the_roadmap_and_live_in_the_database_only()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var before = await factory.ExportAsync();
            var (form, url) = await EditFormAsync(factory, lead, 1);
            using var response = await form.Set("Form.Blocks[1].ItemNumbers", "1", "3").PostAsync(lead, url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

            var block = PageTestDocuments.Section(await lead.GetPageAsync("/roadmap"), "id=\"week-1-block-2\"", "</article>");
            Assert.Contains($"<a href=\"/items/{await factory.ItemIdAsync(2, 1)}\">#1 ", block, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"/items/{await factory.ItemIdAsync(2, 3)}\">#3 ", block, StringComparison.Ordinal);
            Assert.Equal(before, await factory.ExportAsync());
            Assert.Contains(Assert.Single(await factory.HistoryAsync(HistoryRecordType.RoadmapWeek, await WeekIdAsync(factory, 1))).Changes, c => c.Field == "Block 2");

            var reread = await Form.ReadAsync(lead, url, url);
            Assert.Equal(["1", "3"], reread.Fields.Where(f => f.Key == "Form.Blocks[1].ItemNumbers").Select(f => f.Value));
        }
    }

    [Fact]
    public async Task A_stale_week_form_gets_the_conflict_page_and_saves_nothing()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var (first, url) = await EditFormAsync(factory, lead, 1);
            var (second, _) = await EditFormAsync(factory, lead, 1);
            using (var saved = await first.Set("Form.Theme", "Theirs").PostAsync(lead, url))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            var exported = await factory.ExportAsync();
            using var stale = await second.Set("Form.Theme", "Mine").PostAsync(lead, url);
            var html = await stale.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains("Someone else saved Week 1: Theirs first", html, StringComparison.Ordinal);
            Assert.Contains("Mine", html, StringComparison.Ordinal);
            Assert.Equal(exported, await factory.ExportAsync());

            // "Save mine over theirs" posts the form again with the current version.
            var resubmit = Form.Parse(html, url);
            Assert.Equal("1", resubmit["RowVersion"]);
            using var mine = await resubmit.PostAsync(lead, url);
            Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
            Assert.Contains("### Week 1: Mine\n", await factory.ExportAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_week_form_opened_before_an_import_that_changed_the_week_gets_the_conflict_page()
    {
        var (factory, lead) = await StartAsync();
        using (factory)
        using (lead)
        {
            var (form, url) = await EditFormAsync(factory, lead, 2);
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var imported = await scope.ServiceProvider.GetRequiredService<PhaseTracker.Web.Features.Import.ImportService>().ImportAsync(
                    Seed.Utf8.GetBytes(Seed.RepairedText.Replace("### Week 2: Testing & Refinement", "### Week 2: Testing & Polish", StringComparison.Ordinal)),
                    dryRun: false, actor: null, fileName: "PHASE2_TRACKING.md");
                Assert.True(imported.Accepted);
            }

            using var stale = await form.Set("Form.Theme", "Mine").PostAsync(lead, url);

            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains("Someone else saved Week 2: Testing &amp; Polish first", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("### Week 2: Testing & Polish\n", await factory.ExportAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Edit_links_and_the_add_button_show_to_leads_only_and_viewers_cannot_open_the_forms()
    {
        using var factory = new PhaseTrackerFactory();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        var (viewer, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (lead)
        using (viewer)
        {
            var forLead = await lead.GetPageAsync("/roadmap");
            Assert.Contains("href=\"/roadmap/weeks/new?phase=2\"", forLead, StringComparison.Ordinal);
            Assert.Contains($"href=\"/roadmap/weeks/{await WeekIdAsync(factory, 1)}/edit\"", forLead, StringComparison.Ordinal);

            var forViewer = await viewer.GetPageAsync("/roadmap");
            Assert.DoesNotContain("/roadmap/weeks/", forViewer, StringComparison.Ordinal);
            using var refused = await viewer.GetAsync(new Uri("/roadmap/weeks/new", UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }
    }
}
