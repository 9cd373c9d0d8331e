using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>/: the current phase's overview and totals.</summary>
public sealed class DashboardPage(IPage page) : AppLayout(page)
{
    public const string Path = "/";

    /// <summary>The "Items" figure, a link to the phase's items.</summary>
    public ILocator ItemsFigureLink => Page.Locator(".dashboard-figures div").Filter(new() { Has = Page.Locator("dt", new() { HasText = "Items" }) }).Locator("dd a");

    /// <summary>The note under the total effort: "N developer-days at H h a day".</summary>
    public ILocator TotalDeveloperDays => Page.Locator("dd").Filter(new() { Has = Page.Locator("[data-total-hours]") }).Locator(".figure-note");

    public static async Task<DashboardPage> OpenAsync(IPage page)
    {
        await GotoAsync(page, Path);
        return new DashboardPage(page);
    }

    public async Task<ItemsPage> OpenItemsAsync()
    {
        await FollowAsync(ItemsFigureLink);
        return new ItemsPage(Page);
    }
}
