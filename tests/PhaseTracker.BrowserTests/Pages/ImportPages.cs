using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>/import: paste or upload a document, then the preview of what the import will do.</summary>
public sealed class ImportPage(IPage page) : AppLayout(page)
{
    public const string Path = "/import";

    public ILocator PastedText => Page.GetByLabel("Or paste the document");

    public ILocator PreviewButton => Page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true });

    public static async Task<ImportPage> OpenAsync(IPage page)
    {
        await GotoAsync(page, Path);
        return new ImportPage(page);
    }

    public async Task<ImportPreviewPage> PreviewAsync(string text)
    {
        await PastedText.FillAsync(text);
        await SubmitAsync(PreviewButton, url => url.AbsolutePath == "/import/preview");
        return new ImportPreviewPage(Page);
    }
}

/// <summary>The preview: each change with its fields, the counts, the diff, and the button that applies it.</summary>
public sealed class ImportPreviewPage(IPage page) : AppLayout(page)
{
    public ILocator Counts => Page.Locator("#import-counts");

    /// <summary>The entry of a record the import changes ("Item 7: Search Tuning").</summary>
    public ILocator Change(string record) => Page.Locator($"[data-record=\"{record}\"]");

    public ILocator Diff => Page.Locator("#import-diff");

    public ILocator ApplyButton => Page.GetByRole(AriaRole.Button, new() { Name = "Apply the import", Exact = true });

    /// <summary>Applies the import and lands on the dashboard, which says what it did.</summary>
    public async Task<DashboardPage> ApplyAsync()
    {
        await SubmitAsync(ApplyButton, url => url.AbsolutePath == "/");
        return new DashboardPage(Page);
    }
}
