using System.Net;

using Microsoft.AspNetCore.Hosting;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;

namespace PhaseTracker.IntegrationTests.Dashboard;

/// <summary>The dashboard of the seed document, which a fresh install imports on first start.</summary>
public sealed class DashboardTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task First_start_on_an_empty_database_shows_the_seed_document()
    {
        using var client = factory.CreateClient();

        var page = WebUtility.HtmlDecode(await client.GetPageAsync("/"));

        Assert.Contains("<h1 class=\"h2\">📋 Phase 2 Tracking — Deferred Items</h1>", page, StringComparison.Ordinal);
        Assert.All(Seed.ItemTitles, title => Assert.Contains(title, page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_overview_shows_purpose_status_and_timeline()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/");

        Assert.Contains("<dd class=\"col-sm-10\">Track work deferred from Phase 1 to Phase 2.</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-sm-10\">Phase 1 Complete (with exceptions) → Phase 2 Planning</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-sm-10\">Phase 2 estimated 4 developer-days (see audit)</dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Total_effort_is_25_hours_or_3_1_developer_days()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/");

        Assert.Contains("<span data-total-hours>25 h</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"figure-note\">3.1 developer-days at 8 h a day</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_are_counted_by_status_with_the_documents_emoji_and_link_to_the_filtered_list()
    {
        using var client = factory.CreateClient();

        // Emoji beyond the first 65,536 characters come as character references ("&#x1F7E1;"): compare the decoded text.
        var statuses = WebUtility.HtmlDecode(PageTestDocuments.Section(await client.GetPageAsync("/"), "id=\"status-heading\"", "</section>"));

        Assert.Matches("🟡</span>\\s*<a href=\"/items\\?phase=2&status=Left%20Untouched\">Left Untouched</a>\\s*</th>\\s*<td class=\"text-end\">1</td>", statuses);
        Assert.Contains("❌", statuses, StringComparison.Ordinal);
        Assert.Contains("Not Started", statuses, StringComparison.Ordinal);
        Assert.Contains("📋", statuses, StringComparison.Ordinal);
        Assert.Contains("Specified, Not Built", statuses, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Effort_is_summed_by_priority_and_by_owner()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/");
        var byPriority = PageTestDocuments.Section(page, "id=\"priority-heading\"", "</section>");
        var byOwner = PageTestDocuments.Section(page, "id=\"owner-heading\"", "</section>");

        Assert.Matches("P0 \\(Critical\\)</a>\\s*</th>\\s*<td class=\"text-end\">1</td>\\s*<td[^>]*>8 h</td>\\s*<td class=\"text-end\">1</td>", byPriority);
        Assert.Matches("P1 \\(High\\)</a>\\s*</th>\\s*<td class=\"text-end\">2</td>\\s*<td[^>]*>12 h</td>\\s*<td class=\"text-end\">1.5</td>", byPriority);
        Assert.Matches("P2 \\(Medium\\)</a>\\s*</th>\\s*<td class=\"text-end\">2</td>\\s*<td[^>]*>5 h</td>", byPriority);
        Assert.Matches("owner=DevOps\">DevOps</a>\\s*</th>\\s*<td class=\"text-end\">2</td>\\s*<td[^>]*>11 h</td>", byOwner);
        Assert.Matches("Frontend Team</a>\\s*</th>\\s*<td class=\"text-end\">1</td>\\s*<td[^>]*>8 h</td>", byOwner);
        Assert.Matches("\\[TBD\\]</a>\\s*</th>\\s*<td class=\"text-end\">1</td>\\s*<td[^>]*>2 h</td>", byOwner);
    }

    [Fact]
    public async Task The_most_urgent_list_puts_the_P0_item_first_then_the_bigger_jobs_of_each_priority()
    {
        using var client = factory.CreateClient();

        var urgent = PageTestDocuments.Section(await client.GetPageAsync("/"), "id=\"urgent-heading\"", "</section>");

        Assert.Equal(
            ["Monitoring Dashboard Implementation", "Frontend Integration Tests", "Load Testing Suite", "Complete Bundle Analysis", "studio-settings-form.tsx Cleanup"],
            PageTestDocuments.ItemRows(urgent).Select(r => r.Title));
        Assert.Contains("href=\"/items?phase=2&amp;status=open&amp;sort=priority\"", urgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_developer_days_disagreement_shows_with_its_line_number()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/");

        Assert.Contains("line 9: the overview says 4 developer-days, but the items add up to 25 hours = 3.1 developer-days", page, StringComparison.Ordinal);
        Assert.Contains("line 159: the matrix row &quot;studio-settings-form&quot; says owner &quot;Frontend&quot;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Encoding_repairs_are_listed_apart_from_the_warnings()
    {
        using var client = factory.CreateClient();

        var warnings = PageTestDocuments.Section(await client.GetPageAsync("/"), "id=\"warnings-heading\"", "</section>");

        Assert.Matches("<summary>\\d+ encoding repairs</summary>", warnings);
        Assert.Contains("repair</span> line 1: mojibake repaired", warnings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_updated_and_version_come_from_the_footer()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/");

        Assert.Contains("<span>Last updated November 12, 2025</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span>Version 1.0</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_phase_needs_no_phase_switcher()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/");

        Assert.DoesNotContain("phase-switcher", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hours_per_developer_day_come_from_the_workspace_setting()
    {
        using var client = factory.WithWebHostBuilder(builder => builder.UseSetting("Workspace:HoursPerDay", "5")).CreateClient();

        var page = await client.GetPageAsync("/");

        Assert.Contains("<span class=\"figure-note\">5 developer-days at 5 h a day</span>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6.25", null)]
    [InlineData("5", "line 9: the overview says 4 developer-days, but the items add up to 25 hours = 5.0 developer-days at 5 hours a day.")]
    public async Task The_developer_days_warning_counts_days_at_the_workspaces_hours_per_day(string hoursPerDay, string? warning)
    {
        // A fresh database, so that the seed is read on first start with the setting in place.
        using var app = new PhaseTrackerFactory();
        using var configured = app.WithWebHostBuilder(builder => builder.UseSetting("Workspace:HoursPerDay", hoursPerDay));
        using var client = configured.CreateClient();

        var page = await client.GetPageAsync("/");

        if (warning is null)
        {
            Assert.DoesNotContain("developer-days, but", page, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(warning, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_phase_number_gives_the_friendly_404_page()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/?phase=99", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("That page is not here.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_answers_Healthy_when_the_database_answers()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_carries_no_inline_script_or_style()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/");

        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", page);
        Assert.DoesNotMatch("\\sstyle\\s*=", page);
        Assert.DoesNotContain("<style", page, StringComparison.OrdinalIgnoreCase);
    }
}
