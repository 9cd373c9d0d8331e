using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>
/// /items/new and /items/{id}/edit: the item form. Its list buttons (add, move, remove) post the form and
/// show it again, without JavaScript.
/// </summary>
public sealed partial class ItemFormPage(IPage page) : AppLayout(page)
{
    public ILocator TitleField => Page.GetByLabel("Title", new() { Exact = true });

    public ILocator Owner => Page.GetByLabel("Owner", new() { Exact = true });

    public ILocator Effort => Page.GetByLabel("Estimated effort (hours)");

    /// <summary>The message next to the effort field after a refused save.</summary>
    public ILocator EffortError => Page.Locator("[data-valmsg-for='Effort']");

    public ILocator ErrorSummary => Page.Locator("form.item-form [role=alert]");

    /// <summary>An entry of a text list ("Why deferred", entry 1 is index 0).</summary>
    public ILocator ListEntry(string list, int index) => Page.GetByLabel($"{list}, entry {index + 1}", new() { Exact = true });

    public ILocator PlanStep(int index) => Page.GetByLabel($"Plan step {index + 1}", new() { Exact = true });

    public static async Task<ItemFormPage> OpenNewAsync(IPage page, int phase)
    {
        await GotoAsync(page, $"/items/new?phase={phase}");
        return new ItemFormPage(page);
    }

    public static async Task<ItemFormPage> OpenEditAsync(IPage page, int id)
    {
        await GotoAsync(page, $"/items/{id}/edit");
        return new ItemFormPage(page);
    }

    /// <summary>Adds an empty entry to a text list with its Add button; the form comes back with it.</summary>
    public async Task AddListEntryAsync(string list)
    {
        var count = await Page.GetByLabel(new Regex($"^{Regex.Escape(list)}, entry \\d+$")).CountAsync();
        await PostListButtonAsync(Page.GetByRole(AriaRole.Button, new() { Name = $"Add an entry to {list.ToLowerInvariant()}", Exact = true }));
        await Assertions.Expect(ListEntry(list, count)).ToBeVisibleAsync();
    }

    /// <summary>Adds an empty plan step; the form comes back with it.</summary>
    public async Task AddPlanStepAsync()
    {
        var count = await Page.GetByLabel(new Regex("^Plan step \\d+$")).CountAsync();
        await PostListButtonAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Add a plan step", Exact = true }));
        await Assertions.Expect(PlanStep(count)).ToBeVisibleAsync();
    }

    /// <summary>Moves a plan step one place up (index 1 becomes index 0).</summary>
    public Task MovePlanStepUpAsync(int index) =>
        PostListButtonAsync(Page.GetByRole(AriaRole.Button, new() { Name = $"Move step {index + 1} up", Exact = true }));

    /// <summary>Saves ("Create item" or "Save changes") and arrives on the item's page.</summary>
    public async Task<ItemPage> SaveAsync()
    {
        await SubmitAsync(Page.GetByRole(AriaRole.Button, new() { NameRegex = SaveButtonName() }), url => ItemAddress().IsMatch(url.AbsolutePath));
        return new ItemPage(Page);
    }

    /// <summary>Saves a form the app refuses (or answers with a conflict): the answer comes back on the form's own address.</summary>
    public async Task<IResponse> SaveRefusedAsync() =>
        await PostListButtonAsync(Page.GetByRole(AriaRole.Button, new() { NameRegex = SaveButtonName() }));

    /// <summary>
    /// Clicks a button that posts the form and shows a page at the same address: waits for the answer to
    /// the post, then for the new page to load.
    /// </summary>
    private async Task<IResponse> PostListButtonAsync(ILocator button)
    {
        var response = await Page.RunAndWaitForResponseAsync(
            () => button.ClickAsync(),
            r => r.Request.Method == "POST" && r.Request.ResourceType == "document");
        await response.FinishedAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
        return response;
    }

    [GeneratedRegex("^(Create item|Save changes)$")]
    private static partial Regex SaveButtonName();

    [GeneratedRegex("^/items/\\d+$")]
    private static partial Regex ItemAddress();
}
