using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>/history: every change, newest first; a deleted item's row has a Restore button for a lead.</summary>
public sealed class HistoryPage(IPage page) : AppLayout(page)
{
    public const string Path = "/history";

    public static async Task<HistoryPage> OpenAsync(IPage page)
    {
        await GotoAsync(page, Path);
        return new HistoryPage(page);
    }

    /// <summary>Restores the deleted item through the Restore button of the row that names it; lands on the item's page.</summary>
    public async Task<ItemPage> RestoreAsync(int itemId)
    {
        var form = Page.Locator($"form[action='/items/{itemId}/restore']").First;
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "Restore", Exact = true }), url => url.AbsolutePath == $"/items/{itemId}");
        return new ItemPage(Page);
    }
}
