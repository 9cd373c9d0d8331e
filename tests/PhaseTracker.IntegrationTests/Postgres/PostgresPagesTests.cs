using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;

namespace PhaseTracker.IntegrationTests.Postgres;

/// <summary>
/// Filters, search, sorting and the dashboard's sums give on PostgreSQL exactly what they give on
/// SQLite (Items/ItemsListTests, Dashboard/DashboardTests): the same expectations, the other database.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPagesTests(PostgresPhaseTrackerFactory factory) : IClassFixture<PostgresPhaseTrackerFactory>
{
    private async Task<IReadOnlyList<string>> TitlesAsync(string url)
    {
        using var client = factory.CreateClient();
        return [.. PageTestDocuments.ItemRows(await client.GetPageAsync(url)).Select(r => r.Title)];
    }

    [PostgresFact]
    public async Task The_list_shows_every_item_of_the_current_phase_in_document_order()
    {
        Assert.Equal(Seed.ItemTitles, await TitlesAsync("/items"));
    }

    [PostgresFact]
    public async Task Filtering_by_priority_P1_shows_items_3_and_4()
    {
        Assert.Equal(["Load Testing Suite", "Frontend Integration Tests"], await TitlesAsync("/items?priority=P1"));
    }

    [PostgresFact]
    public async Task Searching_for_playwright_finds_item_4_whatever_the_case()
    {
        Assert.Equal(["Frontend Integration Tests"], await TitlesAsync("/items?q=playwright"));
        Assert.Equal(["Frontend Integration Tests"], await TitlesAsync("/items?q=PlayWright"));
        Assert.Equal(["Complete Bundle Analysis"], await TitlesAsync("/items?q=bundle%20ci"));
    }

    [PostgresFact]
    public async Task Search_takes_percent_underscore_and_backslash_literally()
    {
        Assert.Equal(["studio-settings-form.tsx Cleanup"], await TitlesAsync("/items?q=studio-settings"));
        Assert.Empty(await TitlesAsync("/items?q=studio_settings"));
        Assert.Empty(await TitlesAsync("/items?q=%25"));
        Assert.Empty(await TitlesAsync("/items?q=%5C"));
    }

    [PostgresFact]
    public async Task Filtering_by_status_owner_or_open_narrows_the_rows()
    {
        Assert.Equal(["Frontend Integration Tests"], await TitlesAsync("/items?status=Not%20Started"));
        Assert.Equal(["Complete Bundle Analysis", "Monitoring Dashboard Implementation"], await TitlesAsync("/items?owner=DevOps"));
        Assert.Equal(Seed.ItemTitles, await TitlesAsync("/items?status=open"));
        Assert.Empty(await TitlesAsync("/items?status=complete"));
    }

    [PostgresFact]
    public async Task Sorting_by_effort_descending_puts_the_8_hour_items_first()
    {
        var titles = await TitlesAsync("/items?sort=-effort");

        Assert.Equal(["Frontend Integration Tests", "Monitoring Dashboard Implementation", "Load Testing Suite", "Complete Bundle Analysis", "studio-settings-form.tsx Cleanup"], titles);
        Assert.Equal(titles, await TitlesAsync("/items?sort=effort&dir=desc"));
    }

    [PostgresFact]
    public async Task Sorting_by_priority_title_owner_and_number_matches_SQLite()
    {
        Assert.Equal("Monitoring Dashboard Implementation", (await TitlesAsync("/items?sort=priority"))[0]);
        Assert.Equal(Seed.ItemTitles.OrderBy(t => t.ToLowerInvariant(), StringComparer.Ordinal), await TitlesAsync("/items?sort=title"));
        Assert.Equal(Seed.ItemTitles.Reverse(), await TitlesAsync("/items?sort=-number"));
    }

    [PostgresFact]
    public async Task The_dashboard_totals_are_25_hours_and_the_sums_by_priority_and_owner()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/");
        var byPriority = PageTestDocuments.Section(page, "id=\"priority-heading\"", "</section>");
        var byOwner = PageTestDocuments.Section(page, "id=\"owner-heading\"", "</section>");

        Assert.Contains("<span data-total-hours>25 h</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"figure-note\">3.1 developer-days at 8 h a day</span>", page, StringComparison.Ordinal);
        Assert.Matches("P0 \\(Critical\\)</a>\\s*</th>\\s*<td class=\"text-end\">1</td>\\s*<td[^>]*>8 h</td>\\s*<td class=\"text-end\">1</td>", byPriority);
        Assert.Matches("P1 \\(High\\)</a>\\s*</th>\\s*<td class=\"text-end\">2</td>\\s*<td[^>]*>12 h</td>\\s*<td class=\"text-end\">1.5</td>", byPriority);
        Assert.Matches("owner=DevOps\">DevOps</a>\\s*</th>\\s*<td class=\"text-end\">2</td>\\s*<td[^>]*>11 h</td>", byOwner);
        Assert.Matches("\\[TBD\\]</a>\\s*</th>\\s*<td class=\"text-end\">1</td>\\s*<td[^>]*>2 h</td>", byOwner);
    }

    [PostgresFact]
    public async Task The_matrix_roadmap_and_decision_records_pages_answer()
    {
        using var client = factory.CreateClient();

        foreach (var path in new[] { "/matrix", "/roadmap", "/adrs", "/adrs/4", "/document" })
        {
            Assert.False(string.IsNullOrEmpty(await client.GetPageAsync(path)));
        }
    }

    [PostgresFact]
    public async Task Healthz_answers_Healthy_when_PostgreSQL_answers()
    {
        using var client = factory.CreateClient();

        Assert.Contains("Healthy", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)), StringComparison.Ordinal);
    }
}
