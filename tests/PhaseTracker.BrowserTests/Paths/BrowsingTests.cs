using System.Text.RegularExpressions;

using PhaseTracker.BrowserTests.Infrastructure;
using PhaseTracker.BrowserTests.Pages;

using static Microsoft.Playwright.Assertions;

namespace PhaseTracker.BrowserTests.Paths;

[Collection(BrowserCollection.Name)]
public sealed class BrowsingTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task From_the_dashboard_a_reader_filters_the_items_keeps_the_filters_in_the_url_sorts_and_opens_an_item()
    {
        await using var session = await browser.NewSessionAsync(output);
        var dashboard = await DashboardPage.OpenAsync(session.Page);
        await Expect(dashboard.MainHeading).ToContainTextAsync("Phase 2");

        var items = await dashboard.OpenItemsAsync();
        await Expect(items.MainHeading).ToHaveTextAsync("Items");
        var all = await items.TitleLinks.CountAsync();
        Assert.True(all > 1, $"The seed document's phase shows {all} items.");

        // Filter by priority: the URL carries the filter, every row has that priority, the form keeps it.
        await items.FilterAsync(priority: "P1");
        await Expect(session.Page).ToHaveURLAsync(new Regex("[?&]priority=P1(&|$)"));
        var p1Rows = await items.PriorityCells.AllInnerTextsAsync();
        Assert.NotEmpty(p1Rows);
        Assert.All(p1Rows, text => Assert.StartsWith("P1", text.Trim(), StringComparison.Ordinal));
        await Expect(items.Priority).ToHaveValueAsync("P1");

        // Search within it: a word from the first P1 title finds that item, and both filters stay in the URL.
        var firstTitle = (await items.TitleLinks.First.InnerTextAsync()).Trim();
        var word = firstTitle.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        await items.FilterAsync(search: word);
        await Expect(session.Page).ToHaveURLAsync(new Regex("[?&]priority=P1(&|$)"));
        await Expect(session.Page).ToHaveURLAsync(new Regex($"[?&]q={Regex.Escape(Uri.EscapeDataString(word))}(&|$)"));
        await Expect(items.TitleLinks.Filter(new() { HasText = firstTitle })).ToHaveCountAsync(1);
        await Expect(items.Search).ToHaveValueAsync(word);

        // Reloading the address gives the same filtered page: the URL is the whole state.
        await session.Page.ReloadAsync();
        await Expect(items.Priority).ToHaveValueAsync("P1");
        await Expect(items.Search).ToHaveValueAsync(word);

        // Back to all the items, sorted by title: the header says so and the rows are in order, then reversed.
        await ItemsPage.OpenAsync(session.Page);
        await items.SortByAsync("Title");
        await Expect(session.Page).ToHaveURLAsync(new Regex("[?&]sort=title(&|$)"));
        Assert.Equal("ascending", await items.SortOfAsync("Title"));
        var titles = (await items.TitleLinks.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(titles.Order(StringComparer.CurrentCultureIgnoreCase), titles);
        await items.SortByAsync("Title");
        Assert.Equal("descending", await items.SortOfAsync("Title"));
        var reversed = (await items.TitleLinks.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(titles.AsEnumerable().Reverse(), reversed);

        // The first row opens its item's page.
        var title = (await items.TitleLinks.First.InnerTextAsync()).Trim();
        var item = await items.OpenItemAsync(0);
        await Expect(session.Page).ToHaveURLAsync(new Regex("/items/\\d+$"));
        await Expect(item.Title).ToContainTextAsync(title);
    }

    [Fact]
    public async Task The_decision_records_list_opens_a_record()
    {
        await using var session = await browser.NewSessionAsync(output);
        var adrs = await AdrsPage.OpenAsync(session.Page);
        await Expect(adrs.MainHeading).ToHaveTextAsync("Architecture decision records");
        var name = (await adrs.RecordLinks.First.InnerTextAsync()).Trim();

        var record = await adrs.OpenRecordAsync(0);
        await Expect(session.Page).ToHaveURLAsync(new Regex("/adrs/\\d+$"));
        await Expect(record.MainHeading).ToContainTextAsync(name);
    }
}
