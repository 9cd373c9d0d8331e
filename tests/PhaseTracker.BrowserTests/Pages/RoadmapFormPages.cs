using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>/roadmap/weeks/new and /roadmap/weeks/{id}/edit: a week's theme and its day blocks.</summary>
public sealed class WeekFormPage(IPage page) : AppLayout(page)
{
    public ILocator Theme => Page.GetByLabel("Theme", new() { Exact = true });

    public ILocator Block(int number) => Page.Locator($"#block-{number}");

    public static async Task<WeekFormPage> OpenNewAsync(IPage page, int phase)
    {
        await GotoAsync(page, $"/roadmap/weeks/new?phase={phase}");
        return new WeekFormPage(page);
    }

    /// <summary>Adds a day block with the "Add a day block" button; the form comes back with it.</summary>
    public async Task<ILocator> AddBlockAsync()
    {
        var number = await Page.Locator("fieldset[id^='block-']").CountAsync() + 1;
        await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Add a day block", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Request.ResourceType == "document");
        await Assertions.Expect(Block(number)).ToBeVisibleAsync();
        return Block(number);
    }

    /// <summary>Saves ("Add week" or "Save week") and arrives on the roadmap.</summary>
    public async Task<RoadmapPage> SaveAsync()
    {
        await SubmitAsync(Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(Add|Save) week$") }), url => url.AbsolutePath == RoadmapPage.Path);
        return new RoadmapPage(Page);
    }
}
