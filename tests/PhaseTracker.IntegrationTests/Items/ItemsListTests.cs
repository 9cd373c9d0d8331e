using System.Net;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Items;

/// <summary>The items list of the seed document: five items of phase 2.</summary>
public sealed class ItemsListTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    private async Task<IReadOnlyList<string>> TitlesAsync(string url)
    {
        using var client = factory.CreateClient();
        return [.. PageTestDocuments.ItemRows(await client.GetPageAsync(url)).Select(r => r.Title)];
    }

    [Fact]
    public async Task The_list_shows_every_item_of_the_current_phase_in_document_order()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/items");

        Assert.Contains("<strong>5 items</strong>", page, StringComparison.Ordinal);
        Assert.Equal(Seed.ItemTitles, PageTestDocuments.ItemRows(page).Select(r => r.Title));
    }

    [Fact]
    public async Task Each_row_shows_status_priority_effort_impact_owner_and_phase()
    {
        using var client = factory.CreateClient();

        var page = WebUtility.HtmlDecode(await client.GetPageAsync("/items"));

        Assert.Matches(
            "Monitoring Dashboard Implementation</a></th>\\s*<td><span aria-hidden=\"true\">📋</span> Specified, Not Built</td>\\s*" +
            "<td class=\"text-nowrap\">P0 \\(Critical\\)</td>\\s*<td class=\"text-end text-nowrap\">8 h</td>\\s*<td>Critical</td>\\s*<td>DevOps</td>\\s*<td class=\"text-end\">2</td>",
            page);
    }

    [Fact]
    public async Task Titles_link_to_the_item_pages()
    {
        using var client = factory.CreateClient();

        var rows = PageTestDocuments.ItemRows(await client.GetPageAsync("/items"));

        var details = await client.GetPageAsync($"/items/{rows[2].Id}");
        Assert.Contains("Load Testing Suite", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_priority_P1_shows_items_3_and_4()
    {
        Assert.Equal(["Load Testing Suite", "Frontend Integration Tests"], await TitlesAsync("/items?priority=P1"));
    }

    [Fact]
    public async Task Searching_for_playwright_finds_item_4_whatever_the_case()
    {
        Assert.Equal(["Frontend Integration Tests"], await TitlesAsync("/items?q=playwright"));
        Assert.Equal(["Frontend Integration Tests"], await TitlesAsync("/items?q=PlayWright"));
    }

    [Fact]
    public async Task Every_word_of_a_search_must_match()
    {
        Assert.Equal(["Complete Bundle Analysis"], await TitlesAsync("/items?q=bundle%20ci"));
        Assert.Empty(await TitlesAsync("/items?q=bundle%20playwright"));
    }

    [Fact]
    public async Task Search_takes_percent_and_underscore_literally()
    {
        Assert.Equal(["studio-settings-form.tsx Cleanup"], await TitlesAsync("/items?q=studio-settings"));
        Assert.Empty(await TitlesAsync("/items?q=studio_settings"));
        Assert.Empty(await TitlesAsync("/items?q=%25"));
    }

    [Fact]
    public async Task Filtering_by_status_owner_or_open_narrows_the_rows()
    {
        Assert.Equal(["Frontend Integration Tests"], await TitlesAsync("/items?status=Not%20Started"));
        Assert.Equal(["Complete Bundle Analysis", "Monitoring Dashboard Implementation"], await TitlesAsync("/items?owner=DevOps"));
        Assert.Equal(Seed.ItemTitles, await TitlesAsync("/items?status=open"));
        Assert.Empty(await TitlesAsync("/items?status=complete"));
    }

    [Fact]
    public async Task Sorting_by_effort_descending_puts_the_8_hour_items_first()
    {
        var titles = await TitlesAsync("/items?sort=-effort");

        Assert.Equal(["Frontend Integration Tests", "Monitoring Dashboard Implementation", "Load Testing Suite", "Complete Bundle Analysis", "studio-settings-form.tsx Cleanup"], titles);
        Assert.Equal(titles, await TitlesAsync("/items?sort=effort&dir=desc"));
    }

    [Fact]
    public async Task Sorting_by_priority_puts_P0_first_and_by_title_goes_alphabetically()
    {
        Assert.Equal("Monitoring Dashboard Implementation", (await TitlesAsync("/items?sort=priority"))[0]);
        Assert.Equal(Seed.ItemTitles.OrderBy(t => t.ToLowerInvariant(), StringComparer.Ordinal), await TitlesAsync("/items?sort=title"));
        Assert.Equal(Seed.ItemTitles.Reverse(), await TitlesAsync("/items?sort=-number"));
    }

    [Fact]
    public async Task Column_headers_sort_the_list_and_keep_the_filters()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/items?priority=P1&sort=effort");

        Assert.Contains("<a href=\"/items?priority=P1&amp;sort=title\" class=\"sort-link\">", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/items?priority=P1&amp;sort=-effort\" class=\"sort-link\">", page, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"col\" class=\"text-end\" aria-sort=\"ascending\">\\s*<a href=\"/items\\?priority=P1&amp;sort=-effort\"", page);
        Assert.Contains("<input type=\"hidden\" name=\"sort\" value=\"effort\" />", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_controls_are_labelled_and_show_the_current_values()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/items?priority=P1&q=tests&owner=DevOps");

        foreach (var control in new[] { "filter-phase", "filter-status", "filter-priority", "filter-owner", "filter-q" })
        {
            Assert.Contains($"<label for=\"{control}\"", page, StringComparison.Ordinal);
            Assert.Contains($"id=\"{control}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("<option value=\"P1\" selected=\"selected\">P1</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"DevOps\" selected=\"selected\">DevOps (2)</option>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"tests\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_shows_an_empty_state_with_a_way_back()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/items?q=nothing-like-this");

        Assert.Contains("<strong>0 items</strong>", page, StringComparison.Ordinal);
        Assert.Contains("No items match", page, StringComparison.Ordinal);
        Assert.Contains("Clear the filters", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_phase_shows_an_empty_state()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/items?phase=42");

        Assert.Contains("There is no phase 42", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_carries_no_inline_script_or_style()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/items");

        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", page);
        Assert.DoesNotMatch("\\sstyle\\s*=", page);
    }
}
