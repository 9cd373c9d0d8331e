using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>The page a stale save gets (409): the saved values beside the form's, and a way to keep either.</summary>
public sealed class ConflictPage(IPage page) : AppLayout(page)
{
    public ILocator Fields => Page.Locator("#conflict-fields");

    /// <summary>The row of a field: its name, theirs, yours.</summary>
    public ILocator Row(string field) => Fields.Locator("tbody tr").Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = field, Exact = true }) });

    public ILocator SaveMineButton => Page.GetByRole(AriaRole.Button, new() { Name = "Save mine over theirs", Exact = true });

    public async Task<ItemPage> SaveMineAsync()
    {
        await SubmitAsync(SaveMineButton, url => url.Query.Contains("done=saved", StringComparison.Ordinal));
        return new ItemPage(Page);
    }
}
