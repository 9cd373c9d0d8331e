using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>/items/{id}: one deferred item with its fields and history, and a lead's buttons.</summary>
public sealed class ItemPage(IPage page) : AppLayout(page)
{
    /// <summary>The heading without the item's number ("12. Title" shows as the heading).</summary>
    public ILocator Title => MainHeading;

    /// <summary>The confirmation after a save ("Changes saved.").</summary>
    public ILocator Message => Page.Locator("#item-message");

    /// <summary>The status line: emoji, label, note.</summary>
    public ILocator Status => Page.Locator("p.item-status");

    public ILocator DeferralHistory => Page.Locator("#deferral-history");

    /// <summary>The entries of a list section ("Why deferred", "Plan", "Changes to plan").</summary>
    public ILocator ListEntries(string heading) =>
        Page.Locator("section.item-section").Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) }).Locator(":scope > ul > li, :scope > ol > li");

    /// <summary>The value shown for a field of the item's field list ("Owner", "Estimated effort").</summary>
    public ILocator Field(string name) =>
        Page.Locator("dl.item-fields dt").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(name)}$") }).Locator("xpath=following-sibling::dd[1]");

    /// <summary>The item's id, from the address.</summary>
    public int Id => int.Parse(new Uri(Page.Url).AbsolutePath.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<ItemPage> OpenAsync(IPage page, int id)
    {
        await GotoAsync(page, $"/items/{id}");
        return new ItemPage(page);
    }

    public async Task<ItemFormPage> EditAsync()
    {
        await FollowAsync(Action("Edit"));
        return new ItemFormPage(Page);
    }

    public async Task<DeferPage> DeferAsync()
    {
        await FollowAsync(Page.Locator(".item-actions").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Defer to phase") }));
        return new DeferPage(Page);
    }

    public async Task<CompletePage> CompleteAsync()
    {
        await FollowAsync(Action("Mark complete"));
        return new CompletePage(Page);
    }

    public async Task<DeletePage> DeleteAsync()
    {
        await FollowAsync(Action("Delete"));
        return new DeletePage(Page);
    }

    private ILocator Action(string name) =>
        Page.Locator(".item-actions").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
