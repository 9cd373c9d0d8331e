using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>/items/{id}: one deferred item with its fields and history.</summary>
public sealed class ItemPage(IPage page) : AppLayout(page)
{
    /// <summary>The heading without the item's number ("12. Title" shows as the heading).</summary>
    public ILocator Title => MainHeading;

    public static async Task<ItemPage> OpenAsync(IPage page, int id)
    {
        await GotoAsync(page, $"/items/{id}");
        return new ItemPage(page);
    }
}
