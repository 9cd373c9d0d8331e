using PhaseTracker.IntegrationTests.Infrastructure;

using Xunit.Abstractions;

namespace PhaseTracker.IntegrationTests.Items;

/// <summary>
/// No N+1: a page runs the same SQL commands whether its phase holds 10 items or 1,000. Each page is
/// read cold (the import has just changed the data version), so the counts are those of real reads.
/// </summary>
public sealed class SqlCommandCountTests(ITestOutputHelper output)
{
    private static readonly string[] Pages = ["/", "/items", "/items?status=open&sort=-effort&q=e&page=2", "/items?phase=all&sort=owner", "/items/{id}"];

    [Fact]
    public async Task Dashboard_and_item_pages_run_as_many_sql_commands_for_1000_items_as_for_10()
    {
        var small = await CountCommandsAsync(items: 10);
        var large = await CountCommandsAsync(items: 1000);

        foreach (var page in Pages)
        {
            output.WriteLine($"{page}: {small[page].Count} commands for 10 items, {large[page].Count} for 1,000");
            Assert.True(small[page].Count > 1, $"{page} ran {small[page].Count} command(s): it was not read cold");
            Assert.True(
                small[page].Count == large[page].Count,
                $"{page} ran {small[page].Count} commands for 10 items but {large[page].Count} for 1,000:\n{string.Join("\n---\n", large[page])}");
        }
    }

    [Fact]
    public async Task Reading_a_page_again_while_the_data_is_unchanged_costs_one_command()
    {
        using var factory = new PhaseTrackerFactory();
        var counter = new SqlCommandCounter();
        var app = factory.WithSqlCommandCounter(counter);
        var id = await app.ItemIdAsync(phaseNumber: 2, itemNumber: 1);
        using var client = app.CreateClient();

        foreach (var page in Pages.Select(p => p.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))
        {
            await client.GetPageAsync(page);
            var again = await counter.RecordAsync(() => client.GetPageAsync(page));

            Assert.True(again.Count == 1, $"{page} ran {again.Count} commands when read again:\n{string.Join("\n---\n", again)}");
        }
    }

    private static async Task<Dictionary<string, IReadOnlyList<string>>> CountCommandsAsync(int items)
    {
        using var factory = new PhaseTrackerFactory();
        var counter = new SqlCommandCounter();
        var app = factory.WithSqlCommandCounter(counter);
        await app.ImportAsync(PageTestDocuments.Generated(items));
        var id = await app.ItemIdAsync(phaseNumber: 2, itemNumber: 1);
        using var client = app.CreateClient();

        var counts = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var page in Pages)
        {
            var url = page.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            counts[page] = await counter.RecordAsync(() => client.GetPageAsync(url));
        }

        return counts;
    }
}
