using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;

namespace PhaseTracker.IntegrationTests.Items;

/// <summary>A generated phase of 120 items: three pages of at most 50.</summary>
public sealed class ItemsPagingTests : IClassFixture<ItemsPagingTests.LongPhase>
{
    private readonly PhaseTrackerFactory _factory;

    public ItemsPagingTests(LongPhase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        _factory = phase.Factory;
    }

    public sealed class LongPhase : IAsyncLifetime
    {
        public PhaseTrackerFactory Factory { get; } = new();

        public async Task InitializeAsync() => await Factory.ImportAsync(PageTestDocuments.Generated(120));

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private static IReadOnlyList<int> Numbers(string page) =>
        [.. Regex.Matches(page, "<tr>\\s*<td>(\\d+)</td>").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task The_first_page_shows_50_of_120_items_and_links_to_the_others()
    {
        using var client = _factory.CreateClient();

        var page = await client.GetPageAsync("/items");

        Assert.Contains("<strong>120 items</strong>", page, StringComparison.Ordinal);
        Assert.Contains("showing 1–50, page 1 of 3", page, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 50), Numbers(page));
        Assert.Contains("<nav aria-label=\"Pages of items\">", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/items?page=2\" rel=\"next\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/items?page=3\" aria-label=\"Page 3\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">1</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_and_last_pages_hold_the_rest_in_order()
    {
        using var client = _factory.CreateClient();

        Assert.Equal(Enumerable.Range(51, 50), Numbers(await client.GetPageAsync("/items?page=2")));
        var last = await client.GetPageAsync("/items?page=3");
        Assert.Equal(Enumerable.Range(101, 20), Numbers(last));
        Assert.Contains("href=\"/items?page=2\" rel=\"prev\"", last, StringComparison.Ordinal);
        Assert.Contains("<span class=\"page-link\">Next</span>", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_links_keep_the_filters_and_the_sort()
    {
        using var client = _factory.CreateClient();

        var page = await client.GetPageAsync("/items?status=open&sort=-effort");

        Assert.Matches("href=\"/items\\?status=open&amp;sort=-effort&amp;page=2\" rel=\"next\"", page);
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page()
    {
        using var client = _factory.CreateClient();

        var page = await client.GetPageAsync("/items?page=99");

        Assert.Equal(Enumerable.Range(101, 20), Numbers(page));
    }

    [Fact]
    public async Task Sorting_applies_across_pages_before_paging()
    {
        using var client = _factory.CreateClient();

        var first = await client.GetPageAsync("/items?sort=-effort");
        var last = await client.GetPageAsync("/items?sort=-effort&page=3");

        Assert.Matches("<td class=\"text-end text-nowrap\">16 h</td>", first);
        Assert.DoesNotMatch("<td class=\"text-end text-nowrap\">16 h</td>", last);
        Assert.Matches("<td class=\"text-end text-nowrap\">1 h</td>", last);
    }

    [Fact]
    public async Task An_item_far_down_the_matrix_links_to_the_matrix_page_that_holds_its_row()
    {
        int itemNumber;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
            itemNumber = await db.MatrixRows.Where(r => r.Ordinal == 75).Select(r => r.ItemNumber!.Value).SingleAsync();
        }

        using var client = _factory.CreateClient();
        var page = await client.GetPageAsync($"/items/{await _factory.ItemIdAsync(2, itemNumber)}");

        Assert.Contains("href=\"/matrix?phase=2&amp;page=2#matrix-table-heading\"", page, StringComparison.Ordinal);
        Assert.Matches("href=\"/roadmap\\?phase=2&amp;week=(\\d+)#week-\\1\"", page);
    }
}
