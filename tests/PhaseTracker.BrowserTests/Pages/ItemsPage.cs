using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>/items: the filter form, the sortable table of items, the pages.</summary>
public sealed class ItemsPage(IPage page) : AppLayout(page)
{
    public const string Path = "/items";

    private ILocator Filters => Page.GetByRole(AriaRole.Search, new() { Name = "Filter the items" });

    public ILocator Priority => Filters.GetByLabel("Priority");

    public ILocator Status => Filters.GetByLabel("Status");

    public ILocator Search => Filters.GetByLabel("Search");

    public ILocator Table => Page.Locator("table.items-table");

    /// <summary>Each row's title link (the row header of the table).</summary>
    public ILocator TitleLinks => Table.Locator("tbody th a");

    /// <summary>Each row's priority cell (the fourth column).</summary>
    public ILocator PriorityCells => Table.Locator("tbody tr td:nth-child(4)");

    /// <summary>The count of matching items ("12 items"), a live status region.</summary>
    public ILocator Count => Page.Locator(".items-count");

    public static async Task<ItemsPage> OpenAsync(IPage page, string query = "")
    {
        await GotoAsync(page, Path + query);
        return new ItemsPage(page);
    }

    /// <summary>Chooses the filters and submits the form as a user would (the URL then carries them).</summary>
    public async Task FilterAsync(string? priority = null, string? search = null)
    {
        if (priority is not null)
        {
            await Priority.SelectOptionAsync(new SelectOptionValue { Label = priority });
        }

        if (search is not null)
        {
            await Search.FillAsync(search);
        }

        // The form's GET puts every field in the address: the page is there once the address has the values.
        await SubmitAsync(Filters.GetByRole(AriaRole.Button, new() { Name = "Filter" }), url =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(url.Query);
            return url.AbsolutePath == Path
                && (priority is null || query["priority"] == priority)
                && (search is null || query["q"] == search);
        });
    }

    /// <summary>Clicks a column header's sort link (such as "Title" or "Priority").</summary>
    public async Task SortByAsync(string column)
    {
        await FollowAsync(Table.Locator("thead").GetByRole(AriaRole.Link, new() { Name = column }));
    }

    /// <summary>The aria-sort of a column header: ascending, descending or none.</summary>
    public Task<string?> SortOfAsync(string column) =>
        Table.Locator("thead th").Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = column }) }).GetAttributeAsync("aria-sort");

    public async Task<ItemPage> OpenItemAsync(int index)
    {
        await FollowAsync(TitleLinks.Nth(index));
        return new ItemPage(Page);
    }

    /// <summary>The address of the first item's page (/items/{id}).</summary>
    public async Task<string> FirstItemPathAsync() =>
        await TitleLinks.First.GetAttributeAsync("href") ?? throw new InvalidOperationException("The first item has no link.");

    /// <summary>The notice after a delete, with its Undo button.</summary>
    public ILocator DeletedNotice => Page.Locator("#item-deleted");

    /// <summary>Undoes the delete from the notice; lands on the restored item's page.</summary>
    public async Task<ItemPage> UndoDeleteAsync()
    {
        await SubmitAsync(DeletedNotice.GetByRole(AriaRole.Button, new() { Name = "Undo", Exact = true }), url => url.Query.Contains("done=restored", StringComparison.Ordinal));
        return new ItemPage(Page);
    }
}
