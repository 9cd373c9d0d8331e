using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>/adrs/new and /adrs/{n}/edit: a decision record's title, date, context, decision, consequences, options.</summary>
public sealed class AdrFormPage(IPage page) : AppLayout(page)
{
    public ILocator TitleField => Page.GetByLabel("Title", new() { Exact = true });

    public ILocator Date => Page.GetByLabel("Date", new() { Exact = true });

    public static async Task<AdrFormPage> OpenNewAsync(IPage page)
    {
        await GotoAsync(page, "/adrs/new");
        return new AdrFormPage(page);
    }

    public async Task<AdrPage> CreateAsync()
    {
        await SubmitAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Create decision record", Exact = true }), url => AdrPage.IsRecordAddress(url));
        return new AdrPage(Page);
    }
}

/// <summary>/adrs/{n}: one decision record, its status and, for a lead, the lifecycle buttons.</summary>
public sealed class AdrPage(IPage page) : AppLayout(page)
{
    public ILocator Status => Page.Locator("main dd .badge").First;

    public ILocator Confirmation => Page.Locator("main .alert-success[role=status]");

    public static bool IsRecordAddress(Uri url) =>
        System.Text.RegularExpressions.Regex.IsMatch(url.AbsolutePath, "^/adrs/\\d+$");

    /// <summary>Moves the record along its lifecycle with a button ("Accept", "Reject", "Deprecate").</summary>
    public async Task MoveAsync(string button)
    {
        var before = Page.Url;
        await SubmitAsync(Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }), url => IsRecordAddress(url) && url.ToString() != before);
    }
}
