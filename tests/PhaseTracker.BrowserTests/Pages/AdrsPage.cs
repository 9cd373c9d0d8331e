using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>/adrs: the decision records, filtered by status.</summary>
public sealed class AdrsPage(IPage page) : AppLayout(page)
{
    public const string Path = "/adrs";

    public ILocator RecordLinks => Page.Locator("main table tbody a");

    public static async Task<AdrsPage> OpenAsync(IPage page)
    {
        await GotoAsync(page, Path);
        return new AdrsPage(page);
    }

    public async Task<AppLayout> OpenRecordAsync(int index)
    {
        await FollowAsync(RecordLinks.Nth(index));
        return new AppLayout(Page);
    }
}
